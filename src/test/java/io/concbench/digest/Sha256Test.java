package io.concbench.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Sha256Test {

  @Test
  void knownDigestsOfAnEmptyAFewBytesAndAFileLongerThanOneBlock(@TempDir Path dir) throws IOException {
    Path empty = Files.write(dir.resolve("empty"), new byte[0]);
    Path abc = Files.write(dir.resolve("abc"), "abc".getBytes(StandardCharsets.US_ASCII));
    Path million = Files.write(dir.resolve("a"), "a".repeat(1_000_000).getBytes(StandardCharsets.US_ASCII));

    // FIPS 180-2's test vectors
    assertThat(Sha256.of(empty)).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    assertThat(Sha256.of(abc)).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assertThat(Sha256.of(million)).isEqualTo("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  }

  @Test
  void aFileThatIsNotThereIsAnIoException(@TempDir Path dir) {
    assertThatThrownBy(() -> Sha256.of(dir.resolve("missing"))).isInstanceOf(NoSuchFileException.class);
  }
}
