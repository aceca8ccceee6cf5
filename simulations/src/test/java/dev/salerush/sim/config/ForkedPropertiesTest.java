package dev.salerush.sim.config;

import org.junit.jupiter.api.Test;

import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class ForkedPropertiesTest {

    @Test
    void theForksEscapesBecomeTheCharactersTheUserTyped() {
        Properties forked = new Properties();
        forked.setProperty("report.authors", "\\uae40\\ubbfc\\uc218,\\uc774\\uc9c0\\uc740");
        forked.setProperty("target.baseUrl", "http://127.0.0.1:8080");

        Properties decoded = ForkedProperties.decoded(forked);

        assertThat(decoded.getProperty("report.authors")).isEqualTo("김민수,이지은");
        assertThat(decoded.getProperty("target.baseUrl")).isEqualTo("http://127.0.0.1:8080");
        assertThat(ForkedProperties.decode("C:\\\\users")).as("a backslash that is no escape stays").isEqualTo("C:\\\\users");
    }
}
