"""Vietnamese translations of the printouts' words (programme, year-end list, the decree's blocks, Word versions)."""

VI: dict[str | tuple[str, str], str | tuple[str, ...]] = {
    # settings: the decree's blocks
    "Symbol after a programme's number": "Ký hiệu sau số của chương trình",
    "Symbol of the report the year-end list is attached to": "Ký hiệu của báo cáo kèm theo danh mục năm",
    "Signing authority (lines separated by /)": "Thẩm quyền ký (các dòng cách nhau bằng /)",
    "Name of the signer": "Họ tên người ký",
    "Recipients (Nơi nhận), separated by ;": "Nơi nhận, cách nhau bằng dấu ;",
    "Name under Người lập biểu on the year-end list": "Họ tên Người lập biểu trên danh mục năm",
    "“{value}” is not a date such as 2023-01-05": "“{value}” không phải là ngày dạng 2023-01-05",
    "Recipients:": "Nơi nhận:",
    "No.: {number}": "Số: {number}",
    # programme
    "(continued)": "(tiếp)",
    "On the occasion of {occasion}": "Nhân dịp {occasion}",
    "In partnership with: {partners}": "Đơn vị phối hợp: {partners}",
    "Taking part:": "Thành phần tham dự:",
    "The booklet is printed as PDF only; use a .pdf file name.": "Tập gấp chỉ in ra PDF; hãy đặt tên tệp .pdf.",
    # year-end list
    "Host": "Chủ trì",
    "Partner": "Phối hợp",
    "Annex": "Phụ lục",
    "(Attached to Report No. {number} of {day})": "(Kèm theo Báo cáo số {number} ngày {day})",
    "EXHIBITIONS CONTINUING FROM EARLIER YEARS (not in the year's total)": (
        "TRIỂN LÃM TỪ NĂM TRƯỚC CHUYỂN SANG (không tính vào tổng năm)"
    ),
    "Opened {day}; counted in {year}": "Khai mạc {day}; tính vào năm {year}",
    "Subtotal, not in the year's total": "Cộng (không tính vào tổng năm)",
    "Cancelled events (not counted):": "Sự kiện đã hủy (không tính):",
    "PREPARED BY": "NGƯỜI LẬP BIỂU",
    # narrative
    "{kinds} (the kinds with a plan) achieving {share} of the plan": "{kinds} (các loại sự kiện có kế hoạch) đạt {share} kế hoạch",
    # preview
    "Document number": "Số văn bản",
    "Document date": "Ngày văn bản",
    "Signer": "Người ký",
    "e.g. 125": "ví dụ 125",
    "Print again": "In lại",
    "Save as Word…": "Lưu thành Word…",
    "Save as Word": "Lưu thành Word",
    "Word documents (*.docx)": "Tài liệu Word (*.docx)",
    "No font can print these characters; they were left out: {characters}": (
        "Không phông chữ nào in được các ký tự này nên đã bỏ qua: {characters}"
    ),
}
