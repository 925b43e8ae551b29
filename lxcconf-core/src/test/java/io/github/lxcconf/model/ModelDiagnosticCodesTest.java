package io.github.lxcconf.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lxcconf.DiagnosticCode;
import io.github.lxcconf.Severity;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ModelDiagnosticCodesTest {

    @Test
    @DisplayName("the codes of the typed views: LXC101 to LXC115 and from LXC120, errors where liblxc refuses the file")
    void codes() {
        List<DiagnosticCode> codes = Arrays.stream(DiagnosticCode.values())
                .filter(c -> c.id().matches("LXC1\\d\\d")).toList();
        assertThat(codes).extracting(DiagnosticCode::id).containsExactly("LXC101", "LXC102", "LXC103", "LXC104",
                "LXC105", "LXC106", "LXC107", "LXC108", "LXC109", "LXC110", "LXC111", "LXC112", "LXC113", "LXC114",
                "LXC115", "LXC120", "LXC121", "LXC122");
        assertThat(codes).filteredOn(c -> c.defaultSeverity() == Severity.WARNING).containsExactly(
                DiagnosticCode.LXC_DEVICE_RULE, DiagnosticCode.LXC_MOUNT_ENTRY, DiagnosticCode.LXC_NET_TYPE_RESET,
                DiagnosticCode.LXC_NET_NAME_TRUNCATED, DiagnosticCode.LXC_ENVIRONMENT,
                DiagnosticCode.LXC_LEGACY_KEY_IGNORED, DiagnosticCode.LXC_RESOURCE_LIMIT,
                DiagnosticCode.LXC_FSTAB_MISSING);
        assertThat(codes).allSatisfy(c -> assertThat(c.title()).isNotBlank());
        assertThat(Arrays.stream(DiagnosticCode.values()).map(DiagnosticCode::id)).doesNotHaveDuplicates();
    }
}
