package org.supportdesk.system;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description at /openapi.json, with the same snake_case names the API uses. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

    @Bean
    ModelConverter snakeCaseModels() {
        // swagger-core describes models through its own (Jackson 2) mapper, which knows nothing of
        // the service's naming strategy.
        return new ModelResolver(Json.mapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE));
    }

    @Bean
    OpenAPI supportdeskApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Supportdesk")
                        .version("0.1.0")
                        .description("Customer support tickets: CRUD, bulk import, rules-based classification,"
                                + " filters and statistics."));
    }
}
