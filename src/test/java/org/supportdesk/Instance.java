package org.supportdesk;

import java.util.ArrayList;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** One whole application on a free port, as a separate instance of the service would run. */
public record Instance(ConfigurableApplicationContext context, Api api) implements AutoCloseable {

    public static Instance start(Map<String, String> settings) {
        var args = new ArrayList<String>();
        args.add("--server.port=0");
        // Tests that flood one key on purpose start their own limits; these do not.
        for (String limit : new String[] {"per-key", "per-address", "imports", "classify-all"}) {
            args.add("--supportdesk.rate-limit." + limit + "=100000000");
        }
        settings.forEach((key, value) -> args.add("--" + key + "=" + value));
        if (!settings.containsKey("supportdesk.admin-key")) {
            // The key Api sends; every instance registers it, the first one to start stores it.
            args.add("--supportdesk.admin-key=" + Api.ADMIN_KEY);
        }
        var context = new SpringApplicationBuilder(SupportdeskApplication.class).run(args.toArray(String[]::new));
        return new Instance(
                context,
                new Api(((WebServerApplicationContext) context).getWebServer().getPort()));
    }

    @Override
    public void close() {
        context.close();
    }
}
