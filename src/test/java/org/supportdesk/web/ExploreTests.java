package org.supportdesk.web;

import org.junit.jupiter.api.Test;
import org.supportdesk.Api;
import org.supportdesk.ApiTest;

class ExploreTests extends ApiTest {
    @Test
    void explore() {
        var admin = new Browser(port).signInAsAdmin(Api.ADMIN_KEY);
        show("list", admin.get("/desk/list?q=%FF"));
        show("desk", admin.get("/desk?customer_id=%FF"));
        show("stranger", new Browser(port).get("/desk?customer_id=%FF"));
        var s = new Browser(port);
        s.get("/login");
        show("login", s.postRaw("/login", "email=a%FF&password=xxxxxxxxxxxxxxxx"));
        admin.get("/desk/admin");
        show("agent", admin.postRaw("/desk/admin/agents", "email=x%40example.com&name=Ag%ED%A0%80ent&role=agent"));
        admin.get("/desk/admin");
        show("agent-csrf-last", admin.postRaw("/desk/admin/agents", "email=x%40example.com&name=Ag%ED%A0%80ent&role=agent"));
    }

    private static void show(String what, Browser.Page p) {
        System.out.println("EXPLORE " + what + " " + p.status() + " " + p.headers().firstValue("Content-Type") + " " + p.location() + " " + p.body().substring(0, Math.min(300, p.body().length())).replace('\n', ' '));
    }
}
