package be.buurtstem.bot.service.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Web chat photos: recognised by their bytes, bounded, owner-only, and gone with the resident. */
class WebPhotoStoreTest {
    static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 16, 'J', 'F', 'I', 'F', 0};

    @Test
    void aPhotoIsStoredOwnerOnlyUnderARandomNameAndDeletedWithTheResident(@TempDir Path data) throws Exception {
        WebPhotoStore photos = new WebPhotoStore(data, 1000);
        String ref = photos.store("r_abc", new ByteArrayInputStream(JPEG));
        assertTrue(ref.matches("web:[0-9a-f]{32}\\.jpg"), ref);
        Path file = photos.folderFor("r_abc").resolve(ref.substring(4));
        assertTrue(Arrays.equals(JPEG, Files.readAllBytes(file)));
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(file.getParent())));
        photos.respondentDeleted("r_abc");
        assertFalse(Files.exists(photos.folderFor("r_abc")));
    }

    @Test
    void aNonPhotoOrAPhotoAboveTheLimitIsRefusedAndLeavesNothing(@TempDir Path data) {
        WebPhotoStore photos = new WebPhotoStore(data, 100);
        WebPhotoStore.Refused type = assertThrows(WebPhotoStore.Refused.class,
                () -> photos.store("r1", new ByteArrayInputStream("<svg onload=alert(1)>".getBytes())));
        assertEquals("photo_type", type.reason);
        byte[] big = Arrays.copyOf(JPEG, 500);
        WebPhotoStore.Refused size = assertThrows(WebPhotoStore.Refused.class,
                () -> photos.store("r1", new ByteArrayInputStream(big)));
        assertEquals("photo_too_large", size.reason);
        assertTrue(!Files.exists(photos.folderFor("r1")) || photos.folderFor("r1").toFile().list().length == 0);
    }

    @Test
    void typesAreReadFromTheBytes() {
        assertEquals("png", WebPhotoStore.type(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}).orElseThrow());
        assertEquals("webp", WebPhotoStore.type("RIFF0000WEBPVP8 ".getBytes()).orElseThrow());
        assertEquals("heic", WebPhotoStore.type("\0\0\0\u0018ftypheic".getBytes()).orElseThrow());
        assertTrue(WebPhotoStore.type("GIF89a".getBytes()).isEmpty());
    }
}
