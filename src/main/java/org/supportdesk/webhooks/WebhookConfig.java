package org.supportdesk.webhooks;

import java.net.InetAddress;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebhookSettings.class)
class WebhookConfig {

    /** The JDK's resolver, the one the HttpClient connects through (and its cache). */
    @Bean
    Targets.Resolver resolver() {
        return InetAddress::getAllByName;
    }
}
