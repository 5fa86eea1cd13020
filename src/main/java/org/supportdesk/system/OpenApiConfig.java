package org.supportdesk.system;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Schema;
import java.lang.annotation.Annotation;
import org.hibernate.validator.constraints.CodePointLength;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description at /openapi.json, with the same snake_case names the API uses. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

    @Bean
    ModelConverter snakeCaseModels() {
        // swagger-core describes models through its own (Jackson 2) mapper, which knows nothing of
        // the service's naming strategy.
        return new ModelResolver(Json.mapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)) {
            @Override
            @SuppressWarnings("rawtypes")
            protected boolean applyBeanValidatorAnnotations(
                    Schema property, Annotation[] annotations, Schema parent, boolean applyNotNullAnnotations) {
                boolean applied =
                        super.applyBeanValidatorAnnotations(property, annotations, parent, applyNotNullAnnotations);
                return lengthInCodePoints(property, annotations) || applied;
            }
        };
    }

    /**
     * Texts are measured with Hibernate Validator's {@code @CodePointLength} (an emoji is one
     * character, as in Pydantic), which swagger-core does not read; JSON Schema's minLength and
     * maxLength count code points too, so they say exactly the same.
     */
    @SuppressWarnings("rawtypes")
    private static boolean lengthInCodePoints(Schema property, Annotation[] annotations) {
        boolean applied = false;
        for (Annotation annotation : annotations == null ? new Annotation[0] : annotations) {
            if (annotation instanceof CodePointLength length && property != null) {
                if (length.min() > 0) {
                    property.setMinLength(length.min());
                }
                if (length.max() < Integer.MAX_VALUE) {
                    property.setMaxLength(length.max());
                }
                applied = true;
            }
        }
        return applied;
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
