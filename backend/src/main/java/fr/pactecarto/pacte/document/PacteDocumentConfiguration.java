package fr.pactecarto.pacte.document;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PacteDocumentProperties.class)
class PacteDocumentConfiguration {

}
