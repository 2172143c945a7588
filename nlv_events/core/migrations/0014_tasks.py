"""Preparing each event: staff, task templates per kind of event (seeded with the office's usual steps), each
event's tasks and the items typed into a week's work schedule."""

from peewee import (
    AutoField,
    BooleanField,
    CharField,
    DateField,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
    TimeField,
)

# The usual steps of each kind (domain notes), as (title, default owner role, offset in days, anchor); the office
# edits them in Sửa → Mẫu công việc.
DEFAULT_TEMPLATES = {
    "exhibition": ("Chuẩn bị triển lãm", (
        ("Gửi tờ trình Giám đốc", "lãnh đạo phòng", -30, "start"),
        ("Chọn tài liệu trưng bày", "biên tập", -30, "start"),
        ("Mượn tài liệu của đối tác, ký biên bản bàn giao", "biên tập", -21, "start"),
        ("Thiết kế và in pano", "thiết kế", -14, "start"),
        ("Gửi giấy mời", "lễ tân", -7, "start"),
        ("Gửi thông cáo báo chí", "truyền thông", -7, "start"),
        ("Lắp đặt triển lãm", "kỹ thuật", -2, "start"),
        ("Khai mạc", "lãnh đạo phòng", 0, "start"),
        ("Đưa tin bài lên website", "truyền thông", 1, "start"),
        ("Tháo dỡ triển lãm", "kỹ thuật", 1, "end"),
        ("Trả tài liệu mượn", "biên tập", 3, "end"),
    )),
    "book_day": ("Chuẩn bị Ngày Sách và Văn hóa đọc", (
        ("Gửi tờ trình và kế hoạch tổ chức", "lãnh đạo phòng", -45, "start"),
        ("Mời đơn vị phối hợp, nhà xuất bản", "lễ tân", -30, "start"),
        ("Thiết kế ấn phẩm, pano, phông", "thiết kế", -14, "start"),
        ("Gửi giấy mời đại biểu", "lễ tân", -7, "start"),
        ("Gửi thông cáo báo chí", "truyền thông", -7, "start"),
        ("Chuẩn bị hội trường, âm thanh, ánh sáng", "kỹ thuật", -1, "start"),
        ("Đưa tin bài và ảnh lên website", "truyền thông", 1, "end"),
        ("Tổng kết, báo cáo kết quả", "lãnh đạo phòng", 7, "end"),
    )),
    "talk": ("Chuẩn bị tọa đàm, giao lưu", (
        ("Mời diễn giả, thống nhất nội dung", "biên tập", -21, "start"),
        ("Gửi giấy mời", "lễ tân", -7, "start"),
        ("Đăng thông báo trên website và mạng xã hội", "truyền thông", -5, "start"),
        ("Chuẩn bị hội trường, âm thanh, trình chiếu", "kỹ thuật", -1, "start"),
        ("Đưa tin bài lên website", "truyền thông", 1, "end"),
    )),
    "conference": ("Chuẩn bị hội thảo, hội nghị", (
        ("Gửi tờ trình và kế hoạch hội thảo", "lãnh đạo phòng", -45, "start"),
        ("Gửi thư mời viết tham luận", "biên tập", -40, "start"),
        ("Nhận và biên tập tham luận", "biên tập", -14, "start"),
        ("In kỷ yếu hội thảo", "thiết kế", -5, "start"),
        ("Gửi giấy mời đại biểu", "lễ tân", -10, "start"),
        ("Chuẩn bị hội trường, âm thanh, trình chiếu", "kỹ thuật", -1, "start"),
        ("Đưa tin bài lên website", "truyền thông", 1, "end"),
        ("Thanh quyết toán kinh phí", "lãnh đạo phòng", 14, "end"),
    )),
    "training": ("Chuẩn bị lớp tập huấn", (
        ("Gửi tờ trình và kế hoạch lớp học", "lãnh đạo phòng", -30, "start"),
        ("Gửi công văn triệu tập học viên", "lễ tân", -14, "start"),
        ("Mời giảng viên, nhận bài giảng", "biên tập", -10, "start"),
        ("Chuẩn bị tài liệu, phòng học", "kỹ thuật", -2, "start"),
        ("Cấp giấy chứng nhận", "lãnh đạo phòng", 0, "end"),
        ("Tổng kết, báo cáo kết quả", "lãnh đạo phòng", 7, "end"),
    )),
}


def up(migrator, db):
    # Frozen copies: later changes to the models must not change what this script creates.
    class Base(Model):
        class Meta:
            database = db
            legacy_table_names = False

    class Event(Base):
        id = AutoField()

    class Staff(Base):
        id = AutoField()
        name = CharField()
        position = TextField(null=True)
        unit = TextField(null=True)
        role = CharField(null=True)
        login = CharField(null=True)
        version = IntegerField(default=1)

    class TaskTemplate(Base):
        id = AutoField()
        kind = CharField(unique=True)
        name = TextField()
        version = IntegerField(default=1)

    class TemplateStep(Base):
        id = AutoField()
        template = ForeignKeyField(TaskTemplate, on_delete="CASCADE")
        sort_order = IntegerField(default=0)
        title = TextField()
        owner_role = CharField(null=True)
        offset_days = IntegerField(default=0)
        anchor = CharField(default="start")

    class Task(Base):
        id = AutoField()
        event = ForeignKeyField(Event, on_delete="CASCADE")
        sort_order = IntegerField(default=0)
        title = TextField()
        owner = ForeignKeyField(Staff, null=True, on_delete="SET NULL")
        due = DateField(null=True, index=True)
        anchor = CharField(default="start")
        state = CharField(default="todo")
        note = TextField(null=True)
        done_on = DateField(null=True)
        on_schedule = BooleanField(default=False)
        version = IntegerField(default=1)

    class WeekItem(Base):
        id = AutoField()
        day = DateField(index=True)
        part = CharField(default="morning")
        time = TimeField(null=True)
        content = TextField()
        leader = TextField(null=True)
        place = TextField(null=True)
        preparer = TextField(null=True)
        version = IntegerField(default=1)

    db.create_tables([Staff, TaskTemplate, TemplateStep, Task, WeekItem])
    for kind, (name, steps) in DEFAULT_TEMPLATES.items():
        template_id = TaskTemplate.insert(kind=kind, name=name).execute()
        TemplateStep.insert_many([
            {"template": template_id, "sort_order": order, "title": title, "owner_role": role,
             "offset_days": offset, "anchor": anchor}
            for order, (title, role, offset, anchor) in enumerate(steps)
        ]).execute()


def down(migrator, db):
    for table in ("week_item", "task", "template_step", "task_template", "staff"):
        db.execute_sql(f"DROP TABLE IF EXISTS {table}")
