package io.github.scptoolkit.image.it.contract;

import java.util.EnumSet;
import java.util.List;

import jakarta.servlet.DispatcherType;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Adds {@link ContractValidationFilter}, first in the chain, to EVERY Spring test context of
 * it-tests (registered in {@code META-INF/spring.factories}), so that no integration test, present
 * or future, exchanges anything unchecked.
 */
final class ContractContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        return new Customizer();
    }

    /** Stateless: equal to every other, so it does not split Spring's context cache. */
    private static final class Customizer implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            FilterRegistrationBean<ContractValidationFilter> registration =
                    new FilterRegistrationBean<>(new ContractValidationFilter());
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
            registration.setDispatcherTypes(EnumSet.of(DispatcherType.REQUEST, DispatcherType.ERROR,
                    DispatcherType.ASYNC));
            registration.addUrlPatterns("/*");
            context.getBeanFactory().registerSingleton("scpContractValidationFilter", registration);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Customizer;
        }

        @Override
        public int hashCode() {
            return Customizer.class.hashCode();
        }
    }
}
