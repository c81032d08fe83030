package dev.sofia.clinic.system.logging;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.MDC;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class RequestIdFilterTests {

    private final RequestIdFilter filter = new RequestIdFilter();
    private final AtomicReference<String> idSeenByChain = new AtomicReference<>();
    private final FilterChain chain = (request, response) -> idSeenByChain.set(MDC.get(RequestIdFilter.MDC_KEY));

    @AfterEach
    void clearMdc() {
        MDC.clear();
    }

    @Test
    void keepsAPlainCallerIdAndEchoesIt() throws Exception {
        MockHttpServletResponse response = run("lb-7f3a.42:x_1");

        assertThat(idSeenByChain).hasValue("lb-7f3a.42:x_1");
        assertThat(response.getHeader(RequestIdFilter.HEADER)).isEqualTo("lb-7f3a.42:x_1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "has space", "new\nline", "quote\"", "{\"json\":1}", "ü"})
    void replacesAnUnsafeCallerId(String header) throws Exception {
        MockHttpServletResponse response = run(header);

        assertThat(idSeenByChain.get()).isNotEqualTo(header).matches("[0-9a-f-]{36}");
        assertThat(response.getHeader(RequestIdFilter.HEADER)).isEqualTo(idSeenByChain.get());
    }

    @Test
    void replacesAnOverlongCallerId() throws Exception {
        run("a".repeat(65));

        assertThat(idSeenByChain.get()).hasSize(36);
    }

    @Test
    void makesUpAnIdWhenNoneIsSent() throws Exception {
        MockHttpServletResponse response = run(null);

        assertThat(idSeenByChain.get()).matches("[0-9a-f-]{36}");
        assertThat(response.getHeader(RequestIdFilter.HEADER)).isEqualTo(idSeenByChain.get());
    }

    @Test
    void leavesNoMdcBehind() throws Exception {
        FilterChain dirtyChain = (request, response) -> MDC.put("callId", "call-1");
        filter.doFilter(new MockHttpServletRequest(), new MockHttpServletResponse(), dirtyChain);

        assertThat(MDC.getCopyOfContextMap()).isNullOrEmpty();
    }

    @Test
    void restoresWhatWasThereBefore() throws Exception {
        MDC.put("worker", "w-1");
        filter.doFilter(new MockHttpServletRequest(), new MockHttpServletResponse(), chain);

        assertThat(MDC.getCopyOfContextMap()).containsExactlyEntriesOf(Map.of("worker", "w-1"));
    }

    private MockHttpServletResponse run(String header) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/x");
        if (header != null) {
            request.addHeader(RequestIdFilter.HEADER, header);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, chain);
        return response;
    }
}
