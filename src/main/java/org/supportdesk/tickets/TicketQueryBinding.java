package org.supportdesk.tickets;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.QueryParameter;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.supportdesk.system.Actor;
import org.supportdesk.system.InvalidRequest;

/**
 * Hands controllers the list's query parameters, bound once: a {@link TicketFilter} parameter gets
 * the filters, a {@link TicketQuery} parameter the filters, order, size and cursor. Every problem
 * is reported at once (422), before the handler runs, so a streamed answer cannot start and then
 * fail. The same parameters are listed in the OpenAPI description of each such endpoint.
 */
@Configuration(proxyBeanMethods = false)
class TicketQueryBinding implements WebMvcConfigurer, HandlerMethodArgumentResolver {

    static {
        // Not a request body: the customizer below lists its query parameters instead.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(TicketFilter.class, TicketQuery.class);
    }

    // Declaring reads no cursor and no clock.
    private static final List<QueryValues.Declared> FILTER =
            QueryValues.declared(q -> TicketFilter.bind(q, Instant.EPOCH, Duration.ZERO));
    private static final List<QueryValues.Declared> PAGE =
            QueryValues.declared(q -> TicketQuery.bind(TicketFilter.bind(q, Instant.EPOCH, Duration.ZERO), q, null));

    private final CursorCodec cursors;
    private final Clock clock;
    private final TicketSla sla;

    TicketQueryBinding(CursorCodec cursors, Clock clock, TicketSla sla) {
        this.cursors = cursors;
        this.clock = clock;
        this.sla = sla;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == TicketFilter.class || parameter.getParameterType() == TicketQuery.class;
    }

    @Override
    public Object resolveArgument(
            MethodParameter parameter,
            ModelAndViewContainer mavContainer,
            NativeWebRequest webRequest,
            WebDataBinderFactory binderFactory) {
        HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
        var query = new QueryValues(
                name -> {
                    String[] values = request.getParameterValues(name);
                    // A repeated parameter reads as its values joined by commas, as @RequestParam String does.
                    return values == null ? null : String.join(",", values);
                },
                Actor.of(request).name());
        TicketFilter filter = TicketFilter.bind(query, clock.instant(), sla.dueSoon());
        Object bound =
                parameter.getParameterType() == TicketQuery.class ? TicketQuery.bind(filter, query, cursors) : filter;
        if (!query.problems().isEmpty()) {
            throw new InvalidRequest(query.problems());
        }
        return bound;
    }

    @Bean
    OperationCustomizer ticketQueryParameters() {
        return (Operation operation, HandlerMethod handler) -> {
            for (MethodParameter p : handler.getMethodParameters()) {
                if (p.getParameterType() == TicketFilter.class) {
                    prepend(operation, FILTER);
                } else if (p.getParameterType() == TicketQuery.class) {
                    prepend(operation, PAGE);
                }
            }
            return operation;
        };
    }

    private static void prepend(Operation operation, List<QueryValues.Declared> declared) {
        var parameters = new ArrayList<Parameter>();
        for (QueryValues.Declared d : declared) {
            Schema<?> schema = switch (d.type()) {
                case "integer" -> new IntegerSchema();
                case "boolean" -> new BooleanSchema();
                default -> new StringSchema();
            };
            if (!d.allowed().isEmpty()) {
                ((StringSchema) schema)._enum(d.allowed());
            }
            parameters.add(new QueryParameter().name(d.name()).required(false).schema(schema));
        }
        if (operation.getParameters() != null) {
            parameters.addAll(operation.getParameters());
        }
        operation.setParameters(parameters);
    }
}
