package io.github.scptoolkit.image.server.plain;

// docs/server.md's plain Spring MVC example, verbatim from here (ReadmeTest checks it); run by PlainSpringMvcOnTomcatTest.

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.web.servlet.config.annotation.EnableWebMvc;

import io.github.scptoolkit.image.server.ScpAuthProperties;
import io.github.scptoolkit.image.server.ScpImageApiConfiguration;

@Configuration
@EnableWebMvc
@Import({ScpImageApiConfiguration.class, MyImagesController.class})
class MyServerConfiguration {

    @Bean
    ScpAuthProperties scpAuthProperties() {
        return ScpAuthProperties.of(new ScpAuthProperties.Credential("my-access-key", "my-secret-key", null));
    }
}
