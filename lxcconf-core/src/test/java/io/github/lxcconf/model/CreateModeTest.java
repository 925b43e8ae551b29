package io.github.lxcconf.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CreateModeTest {

    @Test
    @DisplayName("create=dir and create=file, nothing else")
    void options() {
        assertThat(CreateMode.DIR.option()).isEqualTo("create=dir");
        assertThat(CreateMode.FILE.option()).isEqualTo("create=file");
        assertThat(CreateMode.ofOption("create=dir")).contains(CreateMode.DIR);
        assertThat(CreateMode.ofOption("create=file")).contains(CreateMode.FILE);
        assertThat(CreateMode.ofOption("create=link")).isEmpty();
        assertThat(CreateMode.ofOption("bind")).isEmpty();
        assertThat(CreateMode.ofOption("create=DIR")).isEmpty();
    }
}
