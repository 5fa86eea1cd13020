package org.supportdesk.system;

import jakarta.servlet.MultipartConfigElement;
import org.springframework.core.env.Environment;
import org.springframework.util.unit.DataSize;

/**
 * The limits of a multipart body, the ones Tomcat's own parser was given: sizes from
 * spring.servlet.multipart.* (the MultipartConfigElement), part count, part header size and the
 * text fields' total from server.tomcat.*, with Spring Boot's defaults.
 */
record MultipartLimits(
        long maxRequestSize,
        long maxFileSize,
        int fileSizeThreshold,
        String location,
        int maxParts,
        int maxPartHeaderSize,
        long maxFormSize) {

    static MultipartLimits of(MultipartConfigElement config, Environment env) {
        return new MultipartLimits(
                config.getMaxRequestSize(),
                config.getMaxFileSize(),
                config.getFileSizeThreshold(),
                config.getLocation(),
                env.getProperty("server.tomcat.max-part-count", Integer.class, 50),
                (int) size(env, "server.tomcat.max-part-header-size", "512B"),
                size(env, "server.tomcat.max-http-form-post-size", "2MB"));
    }

    private static long size(Environment env, String key, String fallback) {
        return DataSize.parse(env.getProperty(key, fallback)).toBytes();
    }
}
