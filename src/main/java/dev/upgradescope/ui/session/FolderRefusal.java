package dev.upgradescope.ui.session;

import dev.upgradescope.capture.CaptureFolder;
import java.nio.file.Path;

/** A capture folder the window would not record into, and the message key saying why. */
public record FolderRefusal(CaptureFolder.Refusal refusal, Path folder) {

    static FolderRefusal of(CaptureFolder.RefusedException e) {
        return new FolderRefusal(e.refusal(), e.folder());
    }

    /** The key of the status bar's message (and the dialog's), whose {@code {0}} is the folder. */
    public String problemKey() {
        return switch (refusal) {
            case SYMLINK -> "problem.folder.symlink";
            case FOREIGN_OWNER -> "problem.folder.foreign";
            case NOT_A_DIRECTORY -> "problem.folder.notdir";
            case CANNOT_CREATE -> "problem.folder.create";
        };
    }
}
