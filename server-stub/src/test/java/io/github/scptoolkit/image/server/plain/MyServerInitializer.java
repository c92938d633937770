package io.github.scptoolkit.image.server.plain;

// docs/server.md's plain Spring MVC example, verbatim from here (ReadmeTest checks it); run by PlainSpringMvcOnTomcatTest.

import jakarta.servlet.Filter;
import org.springframework.web.filter.DelegatingFilterProxy;
import org.springframework.web.servlet.support.AbstractAnnotationConfigDispatcherServletInitializer;

import io.github.scptoolkit.image.server.ScpAuthConfiguration;

public class MyServerInitializer extends AbstractAnnotationConfigDispatcherServletInitializer {

    @Override
    protected Class<?>[] getRootConfigClasses() {
        return new Class<?>[] {MyServerConfiguration.class};
    }

    @Override
    protected Class<?>[] getServletConfigClasses() {
        return null;
    }

    @Override
    protected String[] getServletMappings() {
        return new String[] {"/"};
    }

    @Override
    protected Filter[] getServletFilters() {
        return new Filter[] {new DelegatingFilterProxy(ScpAuthConfiguration.FILTER_BEAN_NAME)};
    }
}
