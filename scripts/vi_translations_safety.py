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
    "Restore the newest good backup: nlv-events restore “{file}”.": "Hãy khôi phục bản sao lưu tốt mới nhất: "
    "nlv-events restore “{file}”.",
    "{path} is the database in use (or a file SQLite keeps beside it, or a backup being written); writing there "
    "would destroy it. Choose another file name.": "{path} là cơ sở dữ liệu đang dùng (hoặc tệp SQLite giữ bên cạnh "
    "nó, hoặc một bản sao lưu đang được ghi); ghi vào đó sẽ phá hỏng nó. Hãy chọn tên tệp khác.",
    "Only web addresses (http, https) are opened: {url}": "Chỉ mở các địa chỉ web (http, https): {url}",
    "The database file {path} is damaged ({reason}).": "Tệp cơ sở dữ liệu {path} bị hỏng ({reason}).",
    "The backup cannot be written over the database it copies ({path}); choose another file.": "Không thể ghi "
    "đè bản sao lưu lên chính cơ sở dữ liệu được sao lưu ({path}); hãy chọn tệp khác.",
    "There is no database at {path}.": "Không có cơ sở dữ liệu nào ở {path}.",
    "The database file {path} is empty (0 bytes): it holds no events.": "Tệp cơ sở dữ liệu {path} trống (0 byte): "
    "không có sự kiện nào.",
    "{path} is a database of another program (it holds tables such as “{table}”), not of NLV Events; it was not "
    "changed. Choose an NLV Events database or a new file name.": "{path} là cơ sở dữ liệu của một chương trình "
    "khác (có các bảng như “{table}”), không phải của NLV Events; tệp không bị thay đổi. Hãy chọn một cơ sở dữ "
    "liệu NLV Events hoặc một tên tệp mới.",
    "Open link": "Mở đường dẫn",
    "There is no good backup in {folder}.": "Không có bản sao lưu tốt nào trong {folder}.",
    "The connection to the database server was lost; what was being saved was not saved. Check the network, then "
    "try again.": "Đã mất kết nối tới máy chủ cơ sở dữ liệu; những gì đang lưu chưa được lưu. Hãy kiểm tra mạng "
    "rồi thử lại.",
    "Open this address in the web browser?\n\n{url}": "Mở địa chỉ này trong trình duyệt web?\n\n{url}",
    "The database file is damaged ({reason}): run “nlv-events check” to see the newest good backup, then restore "
    "it.": "Tệp cơ sở dữ liệu bị hỏng ({reason}): hãy chạy “nlv-events check” để xem bản sao lưu tốt mới nhất, rồi "
    "khôi phục bản đó.",
    "{path} already exists and is not an NLV Events backup; choose another file name.": "{path} đã có và không "
    "phải bản sao lưu NLV Events; hãy chọn tên tệp khác.",
}
