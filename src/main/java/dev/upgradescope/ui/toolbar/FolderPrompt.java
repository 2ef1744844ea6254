package dev.upgradescope.ui.toolbar;

import dev.upgradescope.ui.ViewContext;
import dev.upgradescope.ui.session.FolderRefusal;
import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.DirectoryChooser;

/**
 * The capture folder in the window: says why a folder was refused and lets the user pick another,
 * which is remembered in the window's settings and checked again when the capture starts.
 */
final class FolderPrompt {

    private final ViewContext context;

    FolderPrompt(ViewContext context) {
        this.context = context;
    }

    /** Tells the user why {@code refusal}'s folder is not used; true if they chose another one. */
    boolean refused(FolderRefusal refusal) {
        Alert alert = new Alert(Alert.AlertType.WARNING);
        alert.initOwner(context.actions().window());
        alert.setTitle(context.text("dialog.folder.refused.title"));
        alert.setHeaderText(context.text("dialog.folder.refused.header"));
        alert.setContentText(context.text(refusal.problemKey(), refusal.folder().toString()));
        alert.getDialogPane().setMinWidth(520);
        ButtonType choose = new ButtonType(context.text("dialog.folder.choose"), ButtonBar.ButtonData.OK_DONE);
        alert.getButtonTypes().setAll(choose, ButtonType.CANCEL);
        return alert.showAndWait().filter(b -> b == choose).isPresent() && choose();
    }

    /** Lets the user pick the capture folder; true if they picked one. */
    boolean choose() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(context.text("dialog.folder.title"));
        Path current = context.session().captureFolder();
        Optional.ofNullable(current).map(Path::getParent).map(Path::toFile).filter(File::isDirectory)
                .ifPresent(chooser::setInitialDirectory);
        File picked = chooser.showDialog(context.actions().window());
        if (picked == null) {
            return false;
        }
        context.settings().captureFolder(picked.toPath());
        context.session().captureFolder(picked.toPath());
        return true;
    }
}
