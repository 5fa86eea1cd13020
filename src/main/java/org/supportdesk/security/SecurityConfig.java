package org.supportdesk.security;

import io.github.bucket4j.TimeMeter;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;
import org.supportdesk.system.ErrorResponses;
import org.supportdesk.system.ResponseHeaders;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecuritySettings.class)
class SecurityConfig {

    /** In-memory buckets; tests hand in a TimeMeter bean of their own to move time by hand. */
    @Bean
    RateLimits rateLimits(SecuritySettings settings, ObjectProvider<TimeMeter> time) {
        return new RateLimits(settings.rateLimit(), time.getIfAvailable(() -> TimeMeter.SYSTEM_NANOTIME));
    }

    /**
     * CORS, only when `supportdesk.cors.allowed-origins` names origins. Before authentication, so
     * that preflight requests (which carry no key) are answered.
     */
    @Bean
    FilterRegistrationBean<CorsFilter> corsFilter(SecuritySettings settings) {
        List<String> origins = settings.cors().allowedOrigins().stream()
                .map(String::trim)
                .filter(o -> !o.isEmpty())
                .toList();
        var config = new CorsConfiguration();
        config.setAllowedOrigins(origins);
        config.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
        config.setAllowedHeaders(List.of("Authorization", "X-API-Key", "Content-Type", "If-Match", "X-Request-Id"));
        config.setExposedHeaders(List.of("ETag", "Location", "Retry-After", "X-Request-Id"));
        config.setAllowCredentials(false);
        config.setMaxAge(Duration.ofHours(1));
        var source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", config);
        var filter = new CorsFilter(source);
        filter.setCorsProcessor(new JsonCorsProcessor());
        var registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 3);
        registration.setEnabled(!origins.isEmpty());
        return registration;
    }

    /** Refusals in the shape of every other error, and never cached (they come before AuthFilter). */
    static final class JsonCorsProcessor extends DefaultCorsProcessor {
        @Override
        protected void rejectRequest(ServerHttpResponse response) throws IOException {
            HttpServletResponse servlet = ((ServletServerHttpResponse) response).getServletResponse();
            ResponseHeaders.noStore(servlet);
            ErrorResponses.write(
                    servlet, 403, "Cross-origin request refused: this origin, method or header is not allowed");
        }
    }

    /** /docs can send a key: the description says how keys are given. */
    @Bean
    OpenApiCustomizer apiKeySecurity() {
        return openApi -> {
            if (openApi.getComponents() == null) {
                openApi.setComponents(new Components());
            }
            openApi.getComponents()
                    .addSecuritySchemes(
                            "bearer",
                            new SecurityScheme()
                                    .type(SecurityScheme.Type.HTTP)
                                    .scheme("bearer")
                                    .description("An API key: Authorization: Bearer sd_..."))
                    .addSecuritySchemes(
                            "apiKey",
                            new SecurityScheme()
                                    .type(SecurityScheme.Type.APIKEY)
                                    .in(SecurityScheme.In.HEADER)
                                    .name("X-API-Key"));
            openApi.addSecurityItem(new SecurityRequirement().addList("bearer"));
            openApi.addSecurityItem(new SecurityRequirement().addList("apiKey"));
            if (openApi.getPaths() != null && openApi.getPaths().get("/health") != null) {
                openApi.getPaths().get("/health").readOperations().forEach(op -> op.setSecurity(List.of()));
            }
        };
    }
}
