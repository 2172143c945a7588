"""Vietnamese for the messages of the record's history, the shared application layer and the roles (issue 11)."""

VI = {
    "Importing {file}…": "Đang nhập {file}…",
    "Exporting to {file}…": "Đang xuất ra {file}…",
}
VI["At most {limit} characters."] = "Tối đa {limit} ký tự."
