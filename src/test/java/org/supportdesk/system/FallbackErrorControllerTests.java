package org.supportdesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * `/error` as the container's error page, and as a path someone calls (with authentication off no
 * filter stops that call; with it on, AccessKeysAndRoutesTests shows the 404).
 */
class FallbackErrorControllerTests {

    private final FallbackErrorController controller = new FallbackErrorController();

    @Test
    void calledDirectlyItIsAnUnknownPath() {
        var request = new MockHttpServletRequest("GET", "/error");

        var response = controller.error(request, new MockHttpServletResponse());

        assertThat(response.getStatusCode().value()).isEqualTo(404);
        assertThat(response.getBody()).isEqualTo(Map.of("detail", "Not Found"));
    }

    @Test
    void asTheErrorPageItKeepsTheStatusAndHidesServerErrors() {
        var clientError = new MockHttpServletRequest("GET", "/error");
        clientError.setDispatcherType(DispatcherType.ERROR);
        clientError.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 400);
        var serverError = new MockHttpServletRequest("GET", "/error");
        serverError.setDispatcherType(DispatcherType.ERROR);
        serverError.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 500);

        assertThat(controller.error(clientError, new MockHttpServletResponse()).getBody())
                .isEqualTo(Map.of("detail", "Bad Request"));
        assertThat(controller.error(serverError, new MockHttpServletResponse()).getBody())
                .isEqualTo(Map.of("detail", "Internal server error"));
    }
}
