package dev.upgradescope.ui.ladder;

import javafx.scene.control.ContentDisplay;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;

/** One row of the ladder list: draws its step, says it to screen readers, and asks for the next page near the end. */
final class LadderCell extends ListCell<LadderStep> {

    private final LadderViewModel vm;
    private final StepPane pane = new StepPane();
    private final Tooltip tooltip = new Tooltip();

    LadderCell(LadderViewModel vm) {
        this.vm = vm;
        getStyleClass().add("ladder-cell");
        setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(640);
    }

    @Override
    protected void updateItem(LadderStep step, boolean empty) {
        super.updateItem(step, empty);
        if (empty || step == null) {
            setGraphic(null);
            setTooltip(null);
            setAccessibleText(null);
            return;
        }
        pane.show(step);
        setGraphic(pane);
        tooltip.setText(LadderViewModel.time(step) + "  " + step.summary());
        setTooltip(tooltip);
        setAccessibleText(vm.spoken(step));
        if (getIndex() >= getListView().getItems().size() - 8) {
            vm.loadMore();
        }
    }
}
