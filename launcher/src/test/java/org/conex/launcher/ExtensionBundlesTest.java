package org.conex.launcher;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.osgi.framework.launch.FrameworkFactory;

/**
 * Loading the launcher's Main switches Felix's framework extension bundles off before any Felix
 * class loads (this JVM has no -Dfelix.extensions.disable of its own), and the check agrees.
 */
class ExtensionBundlesTest {
    @Test
    void mainDisablesExtensionBundlesBeforeFelixLoads() throws Exception {
        Class.forName(Main.class.getName(), true, Main.class.getClassLoader());
        assertEquals("true", System.getProperty(Main.EXTENSIONS_DISABLE));
        ClassLoader felix = ServiceLoader.load(FrameworkFactory.class).iterator().next().getClass().getClassLoader();
        assertDoesNotThrow(() -> Main.requireExtensionBundlesDisabled(felix));
    }
}
