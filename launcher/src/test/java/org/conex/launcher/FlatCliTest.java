package org.conex.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.conex.launcher.security.AllowList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which deploy/ entries the batch commands put on their class path. */
class FlatCliTest {
    @TempDir
    Path tmp;

    @Test
    void onlyRegularJarFilesAreDeployJars() throws Exception {
        Path deploy = Files.createDirectories(tmp.resolve("deploy"));
        Files.createDirectories(deploy.resolve("folder.jar/org/evil"));
        Files.write(deploy.resolve("folder.jar/org/evil/X.class"), new byte[] {1});
        Path b = Files.write(deploy.resolve("b.jar"), jar());
        Path a = Files.write(deploy.resolve("a.jar"), jar());
        Files.writeString(deploy.resolve("notes.txt"), "x");
        assertEquals(List.of(a, b), FlatCli.deployJars(deploy));
        assertEquals(List.of(), FlatCli.deployJars(tmp.resolve("absent")));
    }

    @Test
    void anUnreadableJarIsSkippedNotFatalWithAList() throws Exception {
        byte[] bytes = jar();
        Path a = Files.write(tmp.resolve("a.jar"), bytes);
        Path list = Files.writeString(tmp.resolve("allowed.txt"), AllowList.sha256(bytes) + "  a.jar\n");
        Optional<AllowList> allow = AllowList.load(list, "allowed.txt");
        Path checked = Files.createDirectories(tmp.resolve("checked"));
        List<URL> urls = FlatCli.classPath(List.of(tmp.resolve("gone.jar"), a), allow, checked);
        assertEquals(List.of(checked.resolve("a.jar").toUri().toURL()), urls);
        assertEquals(List.of(a.toUri().toURL()), FlatCli.classPath(List.of(a), Optional.empty(), null));
    }

    private static byte[] jar() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("x.txt"));
            z.write(42);
            z.closeEntry();
        }
        return out.toByteArray();
    }
}
