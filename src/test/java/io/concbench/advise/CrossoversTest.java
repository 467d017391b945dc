package io.concbench.advise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.concbench.result.Scaling.UslFit;
import org.junit.jupiter.api.Test;

class CrossoversTest {

  @Test
  void aProcessPoolPaysOnlyForTasksLongerThanItsDispatchOverTheCoresGained() {
    // Two cores: half of each task's time is saved, so a task must exceed twice its dispatch.
    assertThat(Crossovers.processPoolMinTaskMs(0.5, 2.0)).isCloseTo(1.0, within(1e-9));
    assertThat(Crossovers.processPoolMinTaskMs(0.5, 1.0)).isNull();
    assertThat(Crossovers.processPoolMinTaskMs(null, 2.0)).isNull();
  }

  @Test
  void aProcessPoolsStartIsRepaidOnlyByRunsLongerThanItOverTheCoresGained() {
    // Four cores save three quarters of a run: a 300 ms start needs 400 ms of work, whatever the chunks.
    assertThat(Crossovers.processPoolMinRunMs(300.0, 4.0)).isCloseTo(400.0, within(1e-9));
    assertThat(Crossovers.processPoolMinRunMs(null, 4.0)).isNull();
    assertThat(Crossovers.processPoolMinRunMs(300.0, 1.0)).isNull();
  }

  @Test
  void moreWorkersStopHelpingNearTheUslPeak() {
    // sigma 0.05, kappa 0.02: peak at sqrt(0.95 / 0.02), about 6.9 workers.
    UslFit usl = new UslFit(0.05, 0.02, Math.sqrt(0.95 / 0.02), null, null, 0);
    double peak = io.concbench.stats.ScalingFits.uslSpeedup(Math.sqrt(0.95 / 0.02), 0.05, 0.02);
    UslFit withPeak = new UslFit(0.05, 0.02, usl.peakWorkers(), peak, null, 0);

    Integer beyond = Crossovers.workersBeyondNoHelp(withPeak);

    assertThat(beyond).isBetween(3, 7);
    assertThat(io.concbench.stats.ScalingFits.uslSpeedup(beyond, 0.05, 0.02)).isGreaterThanOrEqualTo(0.95 * peak);
    assertThat(io.concbench.stats.ScalingFits.uslSpeedup(beyond - 1, 0.05, 0.02)).isLessThan(0.95 * peak);
  }

  @Test
  void aCurveThatNeverLevelsOffHasNoCrossover() {
    assertThat(Crossovers.workersBeyondNoHelp(new UslFit(0, 0, null, null, null, 0))).isNull();
    assertThat(Crossovers.workersBeyondNoHelp(null)).isNull();
  }
}
