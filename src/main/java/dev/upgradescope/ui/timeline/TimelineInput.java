package dev.upgradescope.ui.timeline;

import javafx.scene.Cursor;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Pane;

/**
 * What the pointer and the keys do on the timeline's plot: the wheel zooms around the pointer (over
 * the lane labels it scrolls the lanes; sideways or with Shift it pans), dragging pans, a click
 * selects the mark under the pointer or a lane's connection; arrow keys pan and choose lanes,
 * Ctrl/Cmd+arrows step from mark to mark, +/- zoom, Home/End jump, 0 fits, Enter selects. Event
 * coordinates are the canvas's, which has the lane labels on its left and the ruler on top.
 */
final class TimelineInput {

    /** How far the pointer may move while pressed and still click rather than drag. */
    private static final double CLICK_SLOP = 4;
    /** Pixels one arrow key pans (half the plot with Shift). */
    private static final double KEY_PAN = 60;

    private final TimelineViewModel vm;
    private final Pane plot;
    private double pressX = Double.NaN;
    private double lastDragX;
    private boolean dragged;

    private TimelineInput(TimelineViewModel vm, Pane plot) {
        this.vm = vm;
        this.plot = plot;
    }

    /** Lets the pointer and the keys drive {@code vm} on {@code plot}. */
    static void attach(TimelineViewModel vm, Pane plot) {
        TimelineInput input = new TimelineInput(vm, plot);
        plot.addEventHandler(ScrollEvent.SCROLL, input::scrolled);
        plot.addEventHandler(MouseEvent.MOUSE_PRESSED, input::pressed);
        plot.addEventHandler(MouseEvent.MOUSE_DRAGGED, input::drag);
        plot.addEventHandler(MouseEvent.MOUSE_RELEASED, input::released);
        plot.addEventHandler(MouseEvent.MOUSE_MOVED, e -> vm.hover(plotX(e.getX()), plotY(e.getY())));
        plot.addEventHandler(MouseEvent.MOUSE_EXITED, e -> vm.hover(Double.NaN, Double.NaN));
        plot.addEventHandler(KeyEvent.KEY_PRESSED, input::key);
    }

    private static double plotX(double x) {
        return x - TimelinePainter.GUTTER;
    }

    private static double plotY(double y) {
        return y - TimelinePainter.RULER;
    }

    private void scrolled(ScrollEvent e) {
        if (e.getX() < TimelinePainter.GUTTER) {
            vm.scrollLanes(vm.firstLaneProperty().get() - (int) Math.signum(e.getDeltaY()) * 3);
        } else if (e.isShiftDown() || Math.abs(e.getDeltaX()) > Math.abs(e.getDeltaY())) {
            vm.pan(e.getDeltaX() != 0 ? e.getDeltaX() : e.getDeltaY());
        } else if (e.getDeltaY() != 0) {
            vm.zoomAround(plotX(e.getX()), Math.pow(1.0025, -e.getDeltaY()));
        }
        e.consume();
    }

    private void pressed(MouseEvent e) {
        plot.requestFocus();
        if (e.getButton() == MouseButton.PRIMARY) {
            pressX = e.getX();
            lastDragX = e.getX();
            dragged = false;
        }
    }

    private void drag(MouseEvent e) {
        if (Double.isNaN(pressX)) {
            return;
        }
        if (!dragged && Math.abs(e.getX() - pressX) < CLICK_SLOP) {
            return;
        }
        dragged = true;
        plot.setCursor(Cursor.CLOSED_HAND);
        vm.pan(e.getX() - lastDragX);
        lastDragX = e.getX();
    }

    private void released(MouseEvent e) {
        if (!Double.isNaN(pressX) && !dragged && e.getButton() == MouseButton.PRIMARY
                && e.getX() >= TimelinePainter.GUTTER) {
            vm.click(plotX(e.getX()), plotY(e.getY()));
        } else if (!dragged && e.getX() < TimelinePainter.GUTTER && e.getY() > TimelinePainter.RULER) {
            int lane = vm.firstLaneProperty().get() + (int) (plotY(e.getY()) / TimelineViewModel.LANE_HEIGHT);
            if (lane < vm.laneCountProperty().get()) {
                vm.focusLane(lane - vm.focusedLaneProperty().get());
                vm.selectConnection(vm.row(lane).id());
            }
        }
        plot.setCursor(null);
        pressX = Double.NaN;
    }

    private void key(KeyEvent e) {
        double step = e.isShiftDown() ? vm.plotWidth() / 2 : KEY_PAN;
        switch (e.getCode()) {
            case LEFT, KP_LEFT -> {
                if (e.isShortcutDown()) {
                    vm.step(-1);
                } else {
                    vm.pan(step);
                }
            }
            case RIGHT, KP_RIGHT -> {
                if (e.isShortcutDown()) {
                    vm.step(1);
                } else {
                    vm.pan(-step);
                }
            }
            case UP, KP_UP -> vm.focusLane(-1);
            case DOWN, KP_DOWN -> vm.focusLane(1);
            case PAGE_UP -> vm.focusLane(-Math.max(1, vm.visibleLaneCount() - 1));
            case PAGE_DOWN -> vm.focusLane(Math.max(1, vm.visibleLaneCount() - 1));
            case PLUS, ADD, EQUALS -> vm.zoomIn();
            case MINUS, SUBTRACT -> vm.zoomOut();
            case HOME -> vm.home();
            case END -> vm.end();
            case DIGIT0, NUMPAD0 -> vm.fit();
            case ENTER, SPACE -> vm.selectNearestOnFocusedLane();
            default -> {
                return;
            }
        }
        e.consume();
    }
}
