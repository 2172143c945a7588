"""Vietnamese translations for the data-safety checks (issue 18: the second bad-input catalogue)."""

VI: dict[str | tuple[str, str], str | tuple[str, ...]] = {
    "The {field} holds an invisible control character (U+{code:04X}) that cannot be printed or exported; "
    "remove it.": "Trường {field} chứa một ký tự điều khiển vô hình (U+{code:04X}) không in hay xuất ra được; "
    "hãy xóa ký tự đó.",
    "The {field} must be one line: remove the line break or tab.": "Trường {field} phải nằm trên một dòng: hãy bỏ "
    "dấu xuống dòng hoặc dấu tab.",
    "The {field} {date} is outside the years {first}–{last} that the record keeps; check the year.": "Trường "
    "{field} có ngày {date}, nằm ngoài khoảng năm {first}–{last} mà hồ sơ lưu giữ; hãy kiểm tra lại năm.",
    "The news link must be a web address starting with http:// or https:// (found “{value}”).": "Đường dẫn tin bài "
    "phải là một địa chỉ web bắt đầu bằng http:// hoặc https:// (đang là “{value}”).",
    "{path}: the text at “{place}” holds a broken character (a lone UTF-16 surrogate such as \\ud800); "
    "fix or remove it. Nothing was imported.": "{path}: đoạn chữ ở “{place}” chứa một ký tự hỏng (nửa cặp "
    "UTF-16 đứng riêng, như \\ud800); hãy sửa hoặc xóa nó. Chưa nhập gì.",
    "{path} holds a number with thousands of digits, which no field can take; nothing was imported.": "{path} chứa "
    "một số dài hàng nghìn chữ số, không trường nào nhận được; chưa nhập gì.",
    "{path} nests lists or objects too deeply to be an NLV Events data file; nothing was imported.": "{path} lồng "
    "danh sách hoặc đối tượng quá sâu, không thể là tệp dữ liệu NLV Events; chưa nhập gì.",
    "Nothing was imported.": "Chưa nhập gì.",
    "Convert them to Unicode and import?": "Chuyển chúng sang Unicode rồi nhập?",
    "Nothing was imported: import with --convert-legacy to convert them to Unicode, or fix the file.": "Chưa nhập "
    "gì: hãy nhập với --convert-legacy để chuyển chúng sang Unicode, hoặc sửa tệp.",
    (
        "{count} text looks typed in an old Vietnamese encoding ({encodings}), e.g. {where}: “{text}” would become "
        "“{converted}”.",
        "{count} texts look typed in an old Vietnamese encoding ({encodings}), e.g. {where}: “{text}” would become "
        "“{converted}”.",
    ): (
        "{count} đoạn chữ có vẻ được gõ bằng bảng mã tiếng Việt cũ ({encodings}), ví dụ {where}: “{text}” sẽ thành "
        "“{converted}”.",
    ),
    "Events {first} and {second} of the file have the same ref “{ref}”; each event needs its own ref. "
    "Nothing was imported.": "Sự kiện {first} và {second} trong tệp có cùng mã “{ref}”; mỗi sự kiện cần một mã "
    "riêng. Chưa nhập gì.",
    "Events {first} and {second} of the file have the same kind, title and start and no ref, so they "
    "would become one event; give each a ref or remove one. Nothing was imported.": "Sự kiện {first} và {second} "
    "trong tệp cùng loại, cùng tên, cùng thời gian bắt đầu và không có mã, nên sẽ bị gộp thành một; hãy cho mỗi "
    "sự kiện một mã hoặc bỏ bớt một. Chưa nhập gì.",
}
