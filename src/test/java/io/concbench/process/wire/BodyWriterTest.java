package io.concbench.process.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UTFDataFormatException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** BodyWriter must write exactly what DataOutputStream writes: the protocol is defined by DataOutput. */
class BodyWriterTest {

  private static final String[] STRINGS = {"", "tiny", "nul\0inside", "é and ß", "€ 3 bytes", "emoji 😀 pair",
      "java.lang.IllegalStateException: boom"};

  @Test
  void everyFieldIsEncodedAsDataOutputEncodesIt() throws IOException {
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    DataOutputStream reference = new DataOutputStream(expected);
    BodyWriter body = new BodyWriter(0); // starts small: every write below makes it grow

    for (long v : new long[] {0, 1, -1, Long.MIN_VALUE, Long.MAX_VALUE, 0x0102030405060708L}) {
      reference.writeLong(v);
      body.writeLong(v);
      reference.writeInt((int) v);
      body.writeInt((int) v);
      reference.writeShort((int) v);
      body.writeShort((int) v);
      reference.writeByte((int) v);
      body.writeByte((int) v);
      reference.writeBoolean(v != 0);
      body.writeBoolean(v != 0);
    }
    for (String s : STRINGS) {
      reference.writeUTF(s);
      body.writeUTF(s);
    }

    assertThat(bodyOf(body)).containsExactly(expected.toByteArray());
  }

  @Test
  void theHeaderIsTheFramesLengthAndTypeAndPatchedFieldsAreRewritten() throws IOException {
    BodyWriter body = new BodyWriter(4);
    body.writeLong(0);
    body.writeInt(77);
    body.putLong(0, 0x1122334455667788L);
    body.putByte(0, 0x7f);

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    body.writeTo(out, 13, (byte) 4);

    assertThat(out.toByteArray()).containsExactly(0, 0, 0, 13, 4, 0x7f, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77,
        (byte) 0x88, 0, 0, 0, 77);
  }

  @Test
  void aStringOverTheTwoByteLengthIsRefused() {
    char[] chars = new char[30_000];
    Arrays.fill(chars, '€'); // 3 bytes each: 90 000 bytes

    assertThatThrownBy(() -> new BodyWriter(0).writeUTF(new String(chars)))
        .isInstanceOf(UTFDataFormatException.class).hasMessageContaining("90000 bytes");
  }

  private static byte[] bodyOf(BodyWriter body) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    body.writeBodyTo(out);
    return out.toByteArray();
  }
}
