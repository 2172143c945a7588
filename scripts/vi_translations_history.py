"""Vietnamese for the messages of the record's history, the shared application layer and the roles (issue 11)."""

VI = {
    "Import with --convert-legacy to convert it to Unicode.": "Hãy nhập lại với --convert-legacy để chuyển sang Unicode.",
    "the text “{text}” looks like the old TCVN3 (ABC) encoding.": "đoạn chữ “{text}” có vẻ được gõ bằng bảng mã cũ TCVN3 (ABC).",
    "Convert the text in the old encoding to Unicode and import the file?": "Chuyển các đoạn chữ gõ bằng bảng mã cũ sang Unicode rồi nhập tệp?",
    "Importing {file}…": "Đang nhập {file}…",
    "Exporting to {file}…": "Đang xuất ra {file}…",
}
