"""Vietnamese for the guests' printouts read as the protocol office writes them, merged by `make i18n`."""

VI: dict[str | tuple[str, str], str | tuple[str, ...]] = {
    "How many guest groups, from the top of the order of protocol, are superiors whose letters say “tới dự và chỉ "
    "đạo”": "Số nhóm khách, tính từ đầu thứ tự lễ tân, là cấp trên (giấy mời ghi “tới dự và chỉ đạo”)",
    "Head table, seat {number}": "Bàn đại biểu, ghế {number}",
    "Superiors' groups (from the top):": "Số nhóm cấp trên (tính từ nhóm đầu):",
    "Letters to the guests of {groups} say “tới dự và chỉ đạo” (to attend and direct); all other letters say "
    "“tới dự”.": "Giấy mời gửi khách thuộc nhóm {groups} ghi “tới dự và chỉ đạo”; các giấy mời khác ghi “tới dự”.",
    "Every letter says “tới dự”; none says “và chỉ đạo”.": "Mọi giấy mời đều ghi “tới dự”, không giấy mời nào ghi "
    "“và chỉ đạo”.",
    "Form of address of the deputy:": "Danh xưng người đi thay:",
}
VI["Say which guests with --guest N (their number in the list)."] = (
    "Hãy chỉ rõ khách mời bằng --guest N (số thứ tự của khách trong danh sách).")
# The invitation's verb ({{ attend }} in the body templates): "chỉ đạo" only to superiors.
VI["attend and direct"] = "tới dự và chỉ đạo"
VI["attend"] = "tới dự"
