package dev.upgradescope.ui.toolbar;

import dev.upgradescope.ui.ViewContext;
import java.util.Optional;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * Asks how to export a HAR before the file chooser: sanitized (the default, as Chrome DevTools
 * exports) or with the sensitive headers' values kept. Answers with the checkbox's state, or
 * nothing when cancelled.
 */
final class HarExportDialog {

    private HarExportDialog() {
    }

    static Optional<Boolean> ask(ViewContext context) {
        Dialog<Boolean> dialog = new Dialog<>();
        dialog.initOwner(context.actions().window());
        dialog.setTitle(context.text("dialog.har.title"));
        dialog.setHeaderText(context.text("dialog.har.header"));
        Label explanation = new Label(context.text("dialog.har.text"));
        explanation.setWrapText(true);
        explanation.setMaxWidth(460);
        CheckBox sensitive = new CheckBox(context.text("dialog.har.sensitive"));
        sensitive.setId("har-include-sensitive");
        sensitive.setWrapText(true);
        sensitive.setMaxWidth(460);
        VBox content = new VBox(12, explanation, sensitive);
        content.getStyleClass().add("har-export-dialog");
        dialog.getDialogPane().setContent(content);
        ButtonType export = new ButtonType(context.text("dialog.har.export"),
                javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(export, ButtonType.CANCEL);
        dialog.setResultConverter(b -> b == export ? sensitive.isSelected() : null);
        return dialog.showAndWait();
    }
}
