package org.vigil.review;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SafeLinksTest {

    @Test
    void onlyAbsoluteWebLinksBecomeLinks() {
        assertThat(SafeLinks.isWebLink("https://x.com/someone/status/1")).isTrue();
        assertThat(SafeLinks.isWebLink("HTTP://example.org/a")).isTrue();
        assertThat(SafeLinks.isWebLink("javascript:alert(1)")).isFalse();
        assertThat(SafeLinks.isWebLink(" JavaScript:alert(1)")).isFalse();
        assertThat(SafeLinks.isWebLink("data:text/html,<script>alert(1)</script>")).isFalse();
        assertThat(SafeLinks.isWebLink("//evil.example/x")).isFalse();
        assertThat(SafeLinks.isWebLink("not a url")).isFalse();
    }
}
