package io.concbench.process.wire;

import java.io.IOException;

/** A frame that is malformed, truncated, oversized or unexpected: the stream cannot be trusted any more. */
public final class ProtocolException extends IOException {

  public ProtocolException(String message) {
    super(message);
  }
}
