"""Vietnamese for the annual plan printed through the shared renderers: the sentence for a year with no targets."""

VI: dict[str | tuple[str, str], str | tuple[str, ...]] = {
    "No target is set for this year and no event is planned yet.": (
        "Chưa đặt chỉ tiêu nào cho năm này và chưa có sự kiện nào được lên kế hoạch."
    ),
}
