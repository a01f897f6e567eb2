package org.conex.helpers.data;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.conex.api.ConexException;

/** Reading whole data files, transparently gunzipped (detected by the gzip magic bytes 1f 8b, not by name). */
final class DataFiles {
    private DataFiles() {
    }

    /** The file's bytes, decompressed if it is gzip; errors name the file. */
    static byte[] readAll(Path file) {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file))) {
            raw.mark(2);
            int b0 = raw.read();
            int b1 = raw.read();
            raw.reset();
            boolean gzip = b0 == 0x1f && b1 == 0x8b;
            try (InputStream in = gzip ? new GZIPInputStream(raw, 1 << 16) : raw) {
                ByteArrayOutputStream out = new ByteArrayOutputStream(gzip ? 1 << 20 : (int) Math.min(Files.size(file),
                        Integer.MAX_VALUE - 16));
                in.transferTo(out);
                return out.toByteArray();
            }
        } catch (NoSuchFileException e) {
            throw new ConexException("data file " + file + " does not exist");
        } catch (ZipException e) {
            throw new ConexException("data file " + file + " is not a valid gzip file: " + e.getMessage(), e);
        } catch (java.io.EOFException e) {
            throw new ConexException("data file " + file + " is truncated: the gzip stream ends early", e);
        } catch (IOException e) {
            throw new ConexException("cannot read data file " + file + ": " + e, e);
        }
    }
}
