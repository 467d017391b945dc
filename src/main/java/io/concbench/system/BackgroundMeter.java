package io.concbench.system;

import java.util.Optional;

/** Measures the {@link BackgroundLoad} over spans of time: injected, so that tests see a machine of their own. */
public interface BackgroundMeter {

  /** Starts a span now. */
  Span start();

  /** A span started by {@link #start}. */
  interface Span {
    /** The load from the span's start until now; empty where nothing could be read (not Linux). */
    Optional<BackgroundLoad> read();
  }

  /** Measures nothing. */
  BackgroundMeter NONE = () -> Optional::empty;
}
