package org.kkr4j.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.kkr4j.remote.ComputerSpec;
import org.kkr4j.store.Computer;

/** The stored JSON of a computer: packing round-trips, and settings written before packing existed still read. */
class ComputerSettingsTest {
    private static final String BEFORE_PACKING = "{\"name\":\"old\",\"transport\":\"local\",\"host\":null,\"port\":0,"
            + "\"user\":null,\"keyFile\":null,\"proxyJump\":null,\"scheduler\":\"direct\",\"workRoot\":\"/tmp/w\","
            + "\"maxQueued\":5,\"pollSeconds\":30,\"prepend\":\"\",\"defaults\":{\"queue\":null,\"account\":null,"
            + "\"walltimeSeconds\":3600,\"nodes\":1,\"mpiProcs\":1,\"modules\":[]}}";

    @Test
    void settingsWithoutPackingReadAsOneJobPerRun() {
        ComputerSpec spec = ComputerSettings.read(new Computer("old", BEFORE_PACKING, Instant.now()));
        assertThat(spec.packSize()).isZero();
        assertThat(spec.packWorkers()).isEqualTo(1);
        assertThat(spec.packs()).isFalse();
        assertThat(spec.maxQueued()).isEqualTo(5);
    }

    @Test
    void packingRoundTrips() {
        ComputerSpec spec = ComputerSettings.read(new Computer("old", BEFORE_PACKING, Instant.now()))
                .withPacking(250, 4);
        ComputerSpec back = ComputerSettings.read(new Computer("old", ComputerSettings.write(spec), Instant.now()));
        assertThat(back).isEqualTo(spec);
        assertThat(back.packs()).isTrue();
        assertThat(back.packSize()).isEqualTo(250);
        assertThat(back.packWorkers()).isEqualTo(4);
    }
}
