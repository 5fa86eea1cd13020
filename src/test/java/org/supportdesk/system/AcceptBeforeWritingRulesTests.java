package org.supportdesk.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.DispatcherType;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.method.HandlerMethod;

/** Which requests AcceptBeforeWriting checks (the full-app behaviour: AcceptBeforeWritingTests). */
class AcceptBeforeWritingRulesTests {

    private final AcceptBeforeWriting interceptor = new AcceptBeforeWriting();

    private static HandlerMethod errorPage() throws NoSuchMethodException {
        return new HandlerMethod(
                new FallbackErrorController(),
                FallbackErrorController.class.getDeclaredMethod(
                        "error",
                        jakarta.servlet.http.HttpServletRequest.class,
                        jakarta.servlet.http.HttpServletResponse.class));
    }

    private static MockHttpServletRequest post(String accept) {
        var request = new MockHttpServletRequest("POST", "/anything");
        request.addHeader("Accept", accept);
        return request;
    }

    @Test
    void aPostWhoseAcceptRulesOutJsonIsRefusedBeforeItsHandler() throws Exception {
        assertThatThrownBy(() -> interceptor.preHandle(post("text/html"), new MockHttpServletResponse(), errorPage()))
                .isInstanceOf(NotAcceptable.BeforeChange.class);
    }

    @Test
    void anErrorPageKeepsTheStatusOfTheErrorItReports() throws Exception {
        var request = post("text/html");
        request.setDispatcherType(DispatcherType.ERROR);

        assertThat(interceptor.preHandle(request, new MockHttpServletResponse(), errorPage()))
                .isTrue();
    }

    @Test
    void readsAreLeftToSpring() throws Exception {
        var request = new MockHttpServletRequest("GET", "/anything");
        request.addHeader("Accept", "text/html");

        assertThat(interceptor.preHandle(request, new MockHttpServletResponse(), errorPage()))
                .isTrue();
    }
}
