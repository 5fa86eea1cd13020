package org.supportdesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.server.PathContainer;

class WorkspacePathsTests {

    private static PathContainer path(String value) {
        return PathContainer.parsePath(value);
    }

    @Test
    void pagesAreTheDeskAndTheAccountFormsNotTheirAssetsNorTheApi() {
        assertThat(WorkspacePaths.isPage(path("/desk"))).isTrue();
        assertThat(WorkspacePaths.isPage(path("/desk/tickets/x"))).isTrue();
        assertThat(WorkspacePaths.isPage(path("/password/token"))).isTrue();
        assertThat(WorkspacePaths.isPage(path("/login"))).isTrue();
        assertThat(WorkspacePaths.isPage(path("/assets/desk.css"))).isFalse();
        assertThat(WorkspacePaths.isPage(path("/tickets"))).isFalse();
        assertThat(WorkspacePaths.isPage(path("/desktop"))).isFalse();
    }

    @Test
    void theWorkspaceIsItsPagesAndAssets() {
        assertThat(WorkspacePaths.isWorkspace(path("/assets/desk.css"))).isTrue();
        assertThat(WorkspacePaths.isWorkspace(path("/webjars/htmx.org/dist/htmx.min.js")))
                .isTrue();
        assertThat(WorkspacePaths.isWorkspace(path("/desk"))).isTrue();
        assertThat(WorkspacePaths.isWorkspace(path("/tickets/x"))).isFalse();
    }

    @Test
    void servletPatternsCoverTheSamePaths() {
        assertThat(WorkspacePaths.servletPatterns())
                .containsExactly(
                        "/login", "/logout", "/setup", "/password/*", "/desk", "/desk/*", "/assets/*", "/webjars/*");
    }
}
