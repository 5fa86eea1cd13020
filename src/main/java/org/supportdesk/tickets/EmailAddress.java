package org.supportdesk.tickets;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apache.commons.validator.routines.EmailValidator;

/**
 * An RFC 5322 addr-spec with a real domain, checked by Commons Validator (maintained, IDN-aware)
 * rather than a home-made regex. Hibernate's own @Email accepts `a@b`, which no helpdesk can mail.
 */
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = EmailAddress.Check.class)
@interface EmailAddress {
    String message() default "value is not a valid email address";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<EmailAddress, String> {
        private static final EmailValidator VALIDATOR = EmailValidator.getInstance(false, false);

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            // Over-long values are reported by @CodePointLength alone.
            return value == null || value.length() > 254 || VALIDATOR.isValid(value);
        }
    }
}
