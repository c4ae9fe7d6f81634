<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AccountsView</name>
    <message>
        <location filename="../../ui/views/accounts.py" line="128"/>
        <source>Tìm theo tên đăng nhập, họ tên, chức vụ…</source>
        <translation>Search by username, name, title…</translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="129"/>
        <source>Thêm tài khoản…</source>
        <translation>Add account…</translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="130"/>
        <source>Đặt lại mật khẩu…</source>
        <translation>Reset password…</translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="131"/>
        <source>Đổi vai trò</source>
        <translation>Change role</translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="132"/>
        <source>Tải lại</source>
        <translation>Reload</translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="133"/>
        <location filename="../../ui/views/accounts.py" line="143"/>
        <source>Phòng ban</source>
        <translation>Department</translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="134"/>
        <source>Đổi phòng ban</source>
        <translation>Change department</translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="135"/>
        <source>Thêm phòng ban…</source>
        <translation>Add department…</translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="138"/>
        <source>Tên đăng nhập</source>
        <translation>Username</translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="139"/>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="140"/>
        <source>Chức vụ</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="141"/>
        <source>Vai trò</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="142"/>
        <source>Đơn vị</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="144"/>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="197"/>
        <source>Hoạt động</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="197"/>
        <source>Đã khoá</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="210"/>
        <source>%1 tài khoản, %2 đang hoạt động</source>
        <translation>%1 accounts, %2 active</translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="233"/>
        <source>Mở khoá</source>
        <translation>Enable</translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="233"/>
        <source>Khoá</source>
        <translation>Disable</translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="274"/>
        <source>Khoá tài khoản</source>
        <translation>Disable account</translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="275"/>
        <source>Khoá tài khoản %1? Người này sẽ bị đăng xuất trên mọi máy.</source>
        <translation>Disable account %1? They are signed out on every computer.</translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="359"/>
        <source>Đặt lại mật khẩu</source>
        <translation>Reset password</translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="360"/>
        <source>Tạo mật khẩu mới cho %1? Mật khẩu cũ hết hiệu lực ngay.</source>
        <translation>Make a new password for %1? The old one stops working at once.</translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="377"/>
        <source>Mật khẩu ban đầu</source>
        <translation>Initial password</translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="379"/>
        <source>Mật khẩu của %1 (chỉ hiện một lần, hãy trao tận tay):</source>
        <translation>Password of %1 (shown only once; hand it over in person):</translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <location filename="../../ui/views/audit_view.py" line="140"/>
        <source>Mọi hoạt động</source>
        <translation>All activity</translation>
    </message>
    <message>
        <location filename="../../ui/views/audit_view.py" line="144"/>
        <source>Tên đăng nhập</source>
        <translation>Username</translation>
    </message>
    <message>
        <location filename="../../ui/views/audit_view.py" line="145"/>
        <source>Văn bản #</source>
        <translation>Document #</translation>
    </message>
    <message>
        <location filename="../../ui/views/audit_view.py" line="146"/>
        <location filename="../../ui/views/audit_view.py" line="155"/>
        <source>Từ ngày</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../ui/views/audit_view.py" line="147"/>
        <location filename="../../ui/views/audit_view.py" line="156"/>
        <source>đến ngày</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../ui/views/audit_view.py" line="148"/>
        <location filename="../../ui/views/audit_view.py" line="157"/>
        <source>Xem</source>
        <translation>Show</translation>
    </message>
    <message>
        <location filename="../../ui/views/audit_view.py" line="149"/>
        <source>Xuất CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <location filename="../../ui/views/audit_view.py" line="152"/>
        <source>Theo ngày</source>
        <translation>By day</translation>
    </message>
    <message>
        <location filename="../../ui/views/audit_view.py" line="153"/>
        <source>Theo tháng</source>
        <translation>By month</translation>
    </message>
    <message>
        <location filename="../../ui/views/audit_view.py" line="158"/>
        <source>Nhật ký hệ thống</source>
        <translation>Audit trail</translation>
    </message>
    <message>
        <location filename="../../ui/views/audit_view.py" line="159"/>
        <source>Thống kê đăng nhập</source>
        <translation>Sign-in statistics</translation>
    </message>
    <message>
        <location filename="../../ui/views/audit_view.py" line="163"/>
        <source>Thời điểm</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/views/audit_view.py" line="164"/>
        <source>Người dùng</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../../ui/views/audit_view.py" line="165"/>
        <source>Đơn vị</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../ui/views/audit_view.py" line="166"/>
        <source>Nhóm</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../ui/views/audit_view.py" line="167"/>
        <source>Hoạt động</source>
        <translation>Activity</translation>
    </message>
    <message>
        <location filename="../../ui/views/audit_view.py" line="168"/>
        <source>Văn bản</source>
        <translation>Document</translation>
    </message>
    <message>
        <location filename="../../ui/views/audit_view.py" line="169"/>
        <source>Chi tiết</source>
        <translation>Detail</translation>
    </message>
    <message>
        <location filename="../../ui/views/audit_view.py" line="174"/>
        <source>Kỳ</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../ui/views/audit_view.py" line="174"/>
        <source>Đăng nhập</source>
        <translation>Sign-ins</translation>
    </message>
    <message>
        <location filename="../../ui/views/audit_view.py" line="174"/>
        <source>Đăng nhập sai</source>
        <translation>Failed sign-ins</translation>
    </message>
    <message>
        <location filename="../../ui/views/audit_view.py" line="174"/>
        <source>Số người</source>
        <translation>People</translation>
    </message>
    <message>
        <location filename="../../ui/views/audit_view.py" line="182"/>
        <source>Số văn bản phải là một số, ví dụ 125.</source>
        <translation>The document number must be a number, e.g. 125.</translation>
    </message>
    <message>
        <location filename="../../ui/views/audit_view.py" line="198"/>
        <location filename="../../ui/views/audit_view.py" line="277"/>
        <source>Ngày kết thúc trước ngày bắt đầu.</source>
        <translation>The end date is before the start date.</translation>
    </message>
    <message>
        <location filename="../../ui/views/audit_view.py" line="200"/>
        <source>Đang tải nhật ký…</source>
        <translation>Loading the audit trail…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/audit_view.py" line="230"/>
        <source>%n sự kiện</source>
        <translation>
            <numerusform>%n event</numerusform>
            <numerusform>%n events</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/views/audit_view.py" line="232"/>
        <source> (những sự kiện mới nhất; thu hẹp bộ lọc hoặc xuất CSV để xem thêm)</source>
        <translation> (the newest; narrow the filters or export a CSV to see more)</translation>
    </message>
    <message>
        <location filename="../../ui/views/audit_view.py" line="246"/>
        <source>Xuất nhật ký</source>
        <translation>Export the audit trail</translation>
    </message>
    <message>
        <location filename="../../ui/views/audit_view.py" line="246"/>
        <source>Tệp CSV (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/views/audit_view.py" line="256"/>
        <source>Đang xuất…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <location filename="../../ui/views/audit_view.py" line="266"/>
        <source>Đã lưu: %1</source>
        <translation>Saved: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/audit_view.py" line="268"/>
        <source> — chỉ %1 sự kiện mới nhất; thu hẹp bộ lọc để xuất thêm.</source>
        <translation> — only the newest %1 events; narrow the filters to export more.</translation>
    </message>
    <message>
        <location filename="../../ui/views/audit_view.py" line="280"/>
        <source>Đang tải thống kê…</source>
        <translation>Loading statistics…</translation>
    </message>
    <message>
        <location filename="../../ui/views/audit_view.py" line="310"/>
        <source>Tổng: %1 lần đăng nhập, %2 lần sai.</source>
        <translation>Total: %1 sign-ins, %2 failed.</translation>
    </message>
</context>
<context>
    <name>CorrectionsForm</name>
    <message>
        <location filename="../../ui/views/corrections_form.py" line="42"/>
        <source>Cơ quan ban hành</source>
        <translation>Issuing organ</translation>
    </message>
    <message>
        <location filename="../../ui/views/corrections_form.py" line="43"/>
        <source>Số</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../ui/views/corrections_form.py" line="44"/>
        <source>Ký hiệu</source>
        <translation>Notation</translation>
    </message>
    <message>
        <location filename="../../ui/views/corrections_form.py" line="45"/>
        <source>Loại văn bản</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/views/corrections_form.py" line="46"/>
        <source>Trích yếu</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location filename="../../ui/views/corrections_form.py" line="47"/>
        <source>Chức vụ người ký</source>
        <translation>Signer&apos;s position</translation>
    </message>
    <message>
        <location filename="../../ui/views/corrections_form.py" line="48"/>
        <source>Người ký</source>
        <translation>Signer</translation>
    </message>
    <message>
        <location filename="../../ui/views/corrections_form.py" line="58"/>
        <source>ngày/tháng/năm</source>
        <translation>day/month/year</translation>
    </message>
    <message>
        <location filename="../../ui/views/corrections_form.py" line="59"/>
        <source>Ngày văn bản</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/views/corrections_form.py" line="64"/>
        <source>Số trang</source>
        <translation>Pages</translation>
    </message>
</context>
<context>
    <name>Departments</name>
    <message>
        <location filename="../../ui/views/account_dialogs.py" line="36"/>
        <source>(không có)</source>
        <translation>(none)</translation>
    </message>
</context>
<context>
    <name>DocumentTableModel</name>
    <message>
        <location filename="../../ui/models.py" line="74"/>
        <source>Số/ký hiệu</source>
        <translation>Number/symbol</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="75"/>
        <source>Ngày</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="76"/>
        <source>Loại</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="77"/>
        <source>Trích yếu</source>
        <translation>Summary</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="78"/>
        <source>Cơ quan ban hành</source>
        <translation>Issued by</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="79"/>
        <source>Độ khẩn</source>
        <translation>Urgency</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="80"/>
        <source>Độ mật</source>
        <translation>Secrecy</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="81"/>
        <source>Hạn xử lý</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="82"/>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="181"/>
        <source>Quá hạn</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="182"/>
        <source>Sắp đến hạn</source>
        <translation>Due soon</translation>
    </message>
</context>
<context>
    <name>DocumentView</name>
    <message>
        <location filename="../../ui/views/document_view.py" line="71"/>
        <source>Thông tin</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_view.py" line="72"/>
        <source>Phiên bản</source>
        <translation>Versions</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_view.py" line="73"/>
        <source>Chữ ký số</source>
        <translation>Signatures</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_view.py" line="82"/>
        <source>&lt;b&gt;Lịch sử truy cập&lt;/b&gt;</source>
        <translation>&lt;b&gt;Access history&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_view.py" line="87"/>
        <source>Quá trình xử lý</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_view.py" line="89"/>
        <source>Ký số</source>
        <translation>Sign</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_view.py" line="93"/>
        <source>Xử lý…</source>
        <translation>Take a step…</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_view.py" line="95"/>
        <source>Trình, giao xử lý, hoàn thành, trình ký, phát hành…</source>
        <translation>Present, assign, finish, submit for signature, issue…</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_view.py" line="99"/>
        <source>Thay tệp dự thảo…</source>
        <translation>Replace draft file…</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_view.py" line="102"/>
        <source>Tải lên tệp PDF đã sửa thành phiên bản mới của dự thảo, rồi trình ký lại.</source>
        <translation>Upload the corrected PDF as the draft&apos;s new version, then submit it again.</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_view.py" line="141"/>
        <source>, hạn %1</source>
        <translation>, due %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_view.py" line="146"/>
        <source>, xin gia hạn đến %1</source>
        <translation>, more time asked until %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_view.py" line="151"/>
        <source> (quá hạn)</source>
        <translation> (overdue)</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_view.py" line="153"/>
        <source> (sắp đến hạn)</source>
        <translation> (due soon)</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_view.py" line="159"/>
        <source>→ Nơi nhận %1: %2</source>
        <translation>→ Recipient %1: %2</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_view.py" line="164"/>
        <source>Chưa có bước xử lý nào được ghi lại.</source>
        <translation>No step recorded yet.</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_view.py" line="178"/>
        <source>Số/ký hiệu</source>
        <translation>Number/symbol</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_view.py" line="179"/>
        <source>Ngày</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_view.py" line="180"/>
        <source>Cơ quan ban hành</source>
        <translation>Issued by</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_view.py" line="181"/>
        <source>Người ký</source>
        <translation>Signer</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_view.py" line="182"/>
        <source>Độ khẩn</source>
        <translation>Urgency</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_view.py" line="183"/>
        <source>Độ mật</source>
        <translation>Secrecy</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_view.py" line="185"/>
        <source>Hạn xử lý</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_view.py" line="188"/>
        <source>Số đến</source>
        <translation>Arrival no.</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_view.py" line="189"/>
        <source>Nơi nhận</source>
        <translation>Recipients</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_view.py" line="190"/>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_view.py" line="204"/>
        <location filename="../../ui/views/document_view.py" line="205"/>
        <source>Văn bản chưa có tệp.</source>
        <translation>The document has no file yet.</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_view.py" line="207"/>
        <location filename="../../ui/views/document_view.py" line="208"/>
        <source>Đang mở tệp…</source>
        <translation>Opening file…</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_view.py" line="244"/>
        <source>Bản đã ký đang chờ gửi lên máy chủ (ngoại tuyến).</source>
        <translation>The signed version is waiting to be sent to the server (offline).</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_view.py" line="251"/>
        <source>Cần kết nối máy chủ để xem lịch sử truy cập.</source>
        <translation>The access history needs the server.</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_view.py" line="253"/>
        <source>Đang tải…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_view.py" line="269"/>
        <source>Lịch sử truy cập dành cho lãnh đạo, quản trị, người tạo và người xử lý văn bản.</source>
        <translation>A document&apos;s access history is for its leaders, administrators, author and handlers.</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_view.py" line="276"/>
        <source>Xem %1 lần · tải %2 lần · in %3 lần · %4 người</source>
        <translation>%1 views · %2 downloads · %3 prints · %4 people</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_view.py" line="284"/>
        <source> (phiên bản %1)</source>
        <translation> (version %1)</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_view.py" line="319"/>
        <source>Tệp không có chữ ký số.</source>
        <translation>The file has no digital signature.</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_view.py" line="346"/>
        <source>Tệp dự thảo mới đang chờ gửi lên máy chủ (ngoại tuyến).</source>
        <translation>The new draft file is waiting to be sent to the server (offline).</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_view.py" line="350"/>
        <source>Đã thay tệp dự thảo: phiên bản %1.</source>
        <translation>Draft file replaced: version %1.</translation>
    </message>
</context>
<context>
    <name>DraftDialog</name>
    <message>
        <location filename="../../ui/views/draft_dialog.py" line="40"/>
        <source>Dự thảo mới</source>
        <translation>New draft</translation>
    </message>
    <message>
        <location filename="../../ui/views/draft_dialog.py" line="48"/>
        <source>ví dụ BC-UBND</source>
        <translation>e.g. BC-UBND</translation>
    </message>
    <message>
        <location filename="../../ui/views/draft_dialog.py" line="55"/>
        <source>Mỗi nơi nhận một dòng</source>
        <translation>One recipient per line</translation>
    </message>
    <message>
        <location filename="../../ui/views/draft_dialog.py" line="58"/>
        <source>Hạn trả lời</source>
        <translation>Reply by</translation>
    </message>
    <message>
        <location filename="../../ui/views/draft_dialog.py" line="68"/>
        <source>Tệp PDF dự thảo (có thể thêm sau)</source>
        <translation>The draft&apos;s PDF (may be added later)</translation>
    </message>
    <message>
        <location filename="../../ui/views/draft_dialog.py" line="69"/>
        <source>Chọn…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../ui/views/draft_dialog.py" line="75"/>
        <source>Loại văn bản</source>
        <translation>Kind of document</translation>
    </message>
    <message>
        <location filename="../../ui/views/draft_dialog.py" line="76"/>
        <source>Ký hiệu</source>
        <translation>Notation</translation>
    </message>
    <message>
        <location filename="../../ui/views/draft_dialog.py" line="77"/>
        <source>Trích yếu</source>
        <translation>Summary</translation>
    </message>
    <message>
        <location filename="../../ui/views/draft_dialog.py" line="78"/>
        <source>Nơi nhận</source>
        <translation>Recipients</translation>
    </message>
    <message>
        <location filename="../../ui/views/draft_dialog.py" line="79"/>
        <source>Độ khẩn</source>
        <translation>Urgency</translation>
    </message>
    <message>
        <location filename="../../ui/views/draft_dialog.py" line="80"/>
        <source>Độ mật</source>
        <translation>Secrecy</translation>
    </message>
    <message>
        <location filename="../../ui/views/draft_dialog.py" line="82"/>
        <source>Chức vụ người ký</source>
        <translation>Signer&apos;s title</translation>
    </message>
    <message>
        <location filename="../../ui/views/draft_dialog.py" line="83"/>
        <source>Người ký</source>
        <translation>Signer</translation>
    </message>
    <message>
        <location filename="../../ui/views/draft_dialog.py" line="84"/>
        <source>Tệp</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../ui/views/draft_dialog.py" line="96"/>
        <source>Chọn tệp dự thảo</source>
        <translation>Choose the draft&apos;s file</translation>
    </message>
    <message>
        <location filename="../../ui/views/draft_dialog.py" line="96"/>
        <source>Tệp PDF (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
</context>
<context>
    <name>DraftFileDialog</name>
    <message>
        <location filename="../../ui/views/draft_file_dialog.py" line="35"/>
        <source>Chọn tệp dự thảo đã sửa</source>
        <translation>Choose the corrected draft</translation>
    </message>
    <message>
        <location filename="../../ui/views/draft_file_dialog.py" line="37"/>
        <source>Tệp PDF (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/views/draft_file_dialog.py" line="53"/>
        <source>Thay tệp dự thảo</source>
        <translation>Replace draft file</translation>
    </message>
    <message>
        <location filename="../../ui/views/draft_file_dialog.py" line="56"/>
        <source>Tệp mới thành phiên bản %1 của dự thảo; các phiên bản cũ vẫn được giữ.</source>
        <translation>The new file becomes version %1 of the draft; earlier versions are kept.</translation>
    </message>
    <message>
        <location filename="../../ui/views/draft_file_dialog.py" line="62"/>
        <source>Tệp PDF dự thảo đã sửa</source>
        <translation>The corrected draft PDF</translation>
    </message>
    <message>
        <location filename="../../ui/views/draft_file_dialog.py" line="64"/>
        <source>Chọn…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../ui/views/draft_file_dialog.py" line="72"/>
        <source>ví dụ: sửa theo ý kiến lãnh đạo</source>
        <translation>e.g. corrected as the leader asked</translation>
    </message>
    <message>
        <location filename="../../ui/views/draft_file_dialog.py" line="74"/>
        <source>Tệp</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../ui/views/draft_file_dialog.py" line="75"/>
        <source>Ghi chú</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/views/draft_file_dialog.py" line="91"/>
        <source>Hãy chọn tệp PDF.</source>
        <translation>Choose a PDF file.</translation>
    </message>
</context>
<context>
    <name>IncomingDialog</name>
    <message>
        <location filename="../../ui/views/incoming_dialog.py" line="70"/>
        <source>Vào sổ văn bản đến</source>
        <translation>Register an incoming document</translation>
    </message>
    <message>
        <location filename="../../ui/views/incoming_dialog.py" line="84"/>
        <source>Ngày văn bản</source>
        <translation>Dated</translation>
    </message>
    <message>
        <location filename="../../ui/views/incoming_dialog.py" line="94"/>
        <source>Thời hạn giải quyết</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../ui/views/incoming_dialog.py" line="104"/>
        <source>Đơn vị hoặc người nhận</source>
        <translation>Receiving units or persons (separate with ;)</translation>
    </message>
    <message>
        <location filename="../../ui/views/incoming_dialog.py" line="107"/>
        <source>Văn bản giấy: để trống</source>
        <translation>Paper letter: leave empty</translation>
    </message>
    <message>
        <location filename="../../ui/views/incoming_dialog.py" line="109"/>
        <source>Chọn…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../ui/views/incoming_dialog.py" line="116"/>
        <source>Đóng dấu ĐẾN lên trang đầu của tệp</source>
        <translation>Put the arrival stamp on the file&apos;s first page</translation>
    </message>
    <message>
        <location filename="../../ui/views/incoming_dialog.py" line="120"/>
        <source>Tệp</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../ui/views/incoming_dialog.py" line="121"/>
        <source>Cơ quan ban hành</source>
        <translation>Issuing organ</translation>
    </message>
    <message>
        <location filename="../../ui/views/incoming_dialog.py" line="122"/>
        <source>Số, ký hiệu</source>
        <translation>Number, notation</translation>
    </message>
    <message>
        <location filename="../../ui/views/incoming_dialog.py" line="124"/>
        <source>Loại văn bản</source>
        <translation>Kind of document</translation>
    </message>
    <message>
        <location filename="../../ui/views/incoming_dialog.py" line="125"/>
        <source>Trích yếu</source>
        <translation>Summary</translation>
    </message>
    <message>
        <location filename="../../ui/views/incoming_dialog.py" line="126"/>
        <source>Độ khẩn</source>
        <translation>Urgency</translation>
    </message>
    <message>
        <location filename="../../ui/views/incoming_dialog.py" line="127"/>
        <source>Độ mật</source>
        <translation>Secrecy</translation>
    </message>
    <message>
        <location filename="../../ui/views/incoming_dialog.py" line="129"/>
        <source>Số trang</source>
        <translation>Pages</translation>
    </message>
    <message>
        <location filename="../../ui/views/incoming_dialog.py" line="130"/>
        <source>Nơi nhận</source>
        <translation>Receiving units</translation>
    </message>
    <message>
        <location filename="../../ui/views/incoming_dialog.py" line="131"/>
        <source>Dấu đến</source>
        <translation>Arrival stamp</translation>
    </message>
    <message>
        <location filename="../../ui/views/incoming_dialog.py" line="132"/>
        <source>Vào sổ</source>
        <translation>Register</translation>
    </message>
    <message>
        <location filename="../../ui/views/incoming_dialog.py" line="192"/>
        <source>Chọn tệp văn bản đến</source>
        <translation>Choose the incoming document&apos;s file</translation>
    </message>
    <message>
        <location filename="../../ui/views/incoming_dialog.py" line="192"/>
        <source>Tệp PDF (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/views/incoming_dialog.py" line="265"/>
        <source>Vẫn vào sổ</source>
        <translation>Register anyway</translation>
    </message>
    <message>
        <location filename="../../ui/views/incoming_dialog.py" line="268"/>
        <source>Không vào sổ</source>
        <translation>Do not register</translation>
    </message>
    <message>
        <location filename="../../ui/views/incoming_dialog.py" line="279"/>
        <source>Chưa vào sổ: văn bản có vẻ đã vào sổ trước đây.</source>
        <translation>Not registered: the document seems to be registered already.</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../ui/labels.py" line="54"/>
        <source>Phát hiện</source>
        <translation>Detected</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="55"/>
        <source>Chờ tải</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="56"/>
        <source>Đang chuyển đổi</source>
        <translation>Converting</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="57"/>
        <source>Đang tải lên</source>
        <translation>Uploading</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="58"/>
        <source>Đã tải lên</source>
        <translation>Uploaded</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="59"/>
        <source>Trùng</source>
        <translation>Duplicate</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="60"/>
        <source>Lỗi</source>
        <translation>Failed</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="68"/>
        <location filename="../../ui/labels.py" line="75"/>
        <source>Thường</source>
        <translation>Normal</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="69"/>
        <source>Khẩn</source>
        <translation>Urgent</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="70"/>
        <source>Thượng khẩn</source>
        <translation>Very urgent</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="71"/>
        <source>Hỏa tốc</source>
        <translation>Flash</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="72"/>
        <source>Hỏa tốc hẹn giờ</source>
        <translation>Flash, timed</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="76"/>
        <source>Mật</source>
        <translation>Confidential</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="77"/>
        <source>Tối mật</source>
        <translation>Secret</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="78"/>
        <source>Tuyệt mật</source>
        <translation>Top secret</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="84"/>
        <location filename="../../ui/labels.py" line="191"/>
        <source>Dự thảo</source>
        <translation>Draft</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="85"/>
        <location filename="../../ui/labels.py" line="192"/>
        <source>Chờ ký</source>
        <translation>Awaiting signature</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="86"/>
        <source>Đã ký</source>
        <translation>Signed</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="87"/>
        <source>Đã cấp số</source>
        <translation>Numbered</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="88"/>
        <source>Đã ban hành</source>
        <translation>Issued</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="89"/>
        <source>Đã đến</source>
        <translation>Arrived</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="90"/>
        <source>Đã tiếp nhận</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="91"/>
        <source>Đã giao xử lý</source>
        <translation>Assigned</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="92"/>
        <source>Đang xử lý</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="93"/>
        <location filename="../../ui/labels.py" line="158"/>
        <source>Hoàn thành</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="94"/>
        <source>Đã thu hồi</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="95"/>
        <source>Đã được thay thế</source>
        <translation>Replaced</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="131"/>
        <source>Văn thư</source>
        <translation>Clerk</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="132"/>
        <source>Lãnh đạo</source>
        <translation>Leader</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="133"/>
        <source>Chuyên viên</source>
        <translation>Specialist</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="134"/>
        <source>Lưu trữ</source>
        <translation>Archivist</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="135"/>
        <source>Quản trị đơn vị</source>
        <translation>Organisation admin</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="136"/>
        <source>Quản trị tỉnh</source>
        <translation>Province admin</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="148"/>
        <source>Tạo văn bản</source>
        <translation>Created</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="149"/>
        <source>Cấp số</source>
        <translation>Numbered</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="150"/>
        <source>Nhận từ đơn vị gửi</source>
        <translation>Received from the sender</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="151"/>
        <source>Vào sổ văn bản đến</source>
        <translation>Register incoming</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="152"/>
        <source>Trình lãnh đạo</source>
        <translation>Presented to a leader</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="153"/>
        <source>Chỉ đạo, giao xử lý</source>
        <translation>Directed and assigned</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="154"/>
        <source>Ý kiến xử lý</source>
        <translation>Processing note</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="155"/>
        <source>Xin gia hạn</source>
        <translation>Ask for more time</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="156"/>
        <source>Gia hạn</source>
        <translation>Extend the deadline</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="157"/>
        <source>Trả lại</source>
        <translation>Returned</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="159"/>
        <source>Mở lại</source>
        <translation>Reopened</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="160"/>
        <source>Thu hồi</source>
        <translation>Recalled</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="161"/>
        <source>Trình ký</source>
        <translation>Submitted for signature</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="162"/>
        <source>Trả lại dự thảo</source>
        <translation>Draft sent back</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="163"/>
        <source>Duyệt ký</source>
        <translation>Approved</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="164"/>
        <source>Phát hành</source>
        <translation>Issued</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="165"/>
        <source>Thu hồi văn bản</source>
        <translation>Withdraw the document</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="166"/>
        <source>Thay thế văn bản</source>
        <translation>Replaced by a new issue</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="167"/>
        <source>Đính chính</source>
        <translation>Correct</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="168"/>
        <source>Xử lý chính</source>
        <translation>Lead handler</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="169"/>
        <source>Phối hợp</source>
        <translation>Co-handler</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="170"/>
        <source>Nhận để biết</source>
        <translation>For information</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="171"/>
        <source>đang xử lý</source>
        <translation>in progress</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="172"/>
        <source>đã xong</source>
        <translation>done</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="173"/>
        <source>đã trả lại</source>
        <translation>returned</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="174"/>
        <source>đã thu hồi</source>
        <translation>recalled</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="186"/>
        <source>Chờ vào sổ</source>
        <translation>To register</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="187"/>
        <source>Chờ chỉ đạo</source>
        <translation>To direct</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="188"/>
        <source>Việc của tôi</source>
        <translation>My work</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="189"/>
        <source>Sắp đến hạn</source>
        <translation>Due soon</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="190"/>
        <source>Quá hạn</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="193"/>
        <source>Chờ phát hành</source>
        <translation>To issue</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="194"/>
        <source>Đã phát hành</source>
        <translation>Issued</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="212"/>
        <location filename="../../ui/labels.py" line="218"/>
        <source>Đăng nhập</source>
        <translation>Sign-in</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="213"/>
        <source>Truy cập văn bản</source>
        <translation>Document access</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="214"/>
        <source>Thay đổi</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="215"/>
        <source>Cấp quyền, giao việc</source>
        <translation>Grants and assignments</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="216"/>
        <source>Quản trị</source>
        <translation>Administration</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="219"/>
        <source>Đăng nhập sai</source>
        <translation>Failed sign-in</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="220"/>
        <source>Đăng xuất</source>
        <translation>Sign-out</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="221"/>
        <source>Xem</source>
        <translation>View</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="222"/>
        <source>Tải tệp</source>
        <translation>Download</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="223"/>
        <source>In</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="224"/>
        <source>Sửa thông tin</source>
        <translation>Edit details</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="225"/>
        <source>Thêm phiên bản</source>
        <translation>New version</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="226"/>
        <source>Xoá</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="227"/>
        <source>Chia sẻ</source>
        <translation>Share</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="228"/>
        <source>Chuyển đến nơi nhận</source>
        <translation>Delivered to recipient</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="229"/>
        <source>Hạ độ mật</source>
        <translation>Lower secrecy</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="230"/>
        <source>Thêm tài khoản</source>
        <translation>Add account</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="231"/>
        <source>Sửa tài khoản</source>
        <translation>Change account</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="232"/>
        <source>Đặt lại mật khẩu</source>
        <translation>Reset password</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="233"/>
        <source>Thêm đơn vị</source>
        <translation>Add organisation</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="234"/>
        <source>Thêm phòng ban</source>
        <translation>Add department</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="235"/>
        <source>Đổi tên phòng ban</source>
        <translation>Rename department</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="236"/>
        <source>Thêm chứng thư tin cậy</source>
        <translation>Add trusted certificate</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="237"/>
        <source>Bật chứng thư tin cậy</source>
        <translation>Enable trusted certificate</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="238"/>
        <source>Tắt chứng thư tin cậy</source>
        <translation>Disable trusted certificate</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../ui/views/login.py" line="39"/>
        <source>Đăng nhập — Văn thư số</source>
        <translation>Sign in — Văn thư số</translation>
    </message>
    <message>
        <location filename="../../ui/views/login.py" line="44"/>
        <source>Cảnh báo: địa chỉ http:// không được mã hoá — mật khẩu và văn bản đi qua mạng dưới dạng rõ. Hãy dùng https://.</source>
        <translation>Warning: an http:// address is not encrypted — passwords and documents cross the network in the clear. Use https://.</translation>
    </message>
    <message>
        <location filename="../../ui/views/login.py" line="51"/>
        <source>Tôi hiểu rủi ro và vẫn kết nối không mã hoá</source>
        <translation>I understand the risk and connect without encryption anyway</translation>
    </message>
    <message>
        <location filename="../../ui/views/login.py" line="57"/>
        <source>(tùy chọn) chứng chỉ CA của đơn vị</source>
        <translation>(optional) your organisation&apos;s CA certificate</translation>
    </message>
    <message>
        <location filename="../../ui/views/login.py" line="58"/>
        <source>Chọn…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../../ui/views/login.py" line="63"/>
        <source>Ghi nhớ đăng nhập</source>
        <translation>Remember me</translation>
    </message>
    <message>
        <location filename="../../ui/views/login.py" line="69"/>
        <source>Máy chủ</source>
        <translation>Server</translation>
    </message>
    <message>
        <location filename="../../ui/views/login.py" line="70"/>
        <source>Tên đăng nhập</source>
        <translation>Username</translation>
    </message>
    <message>
        <location filename="../../ui/views/login.py" line="71"/>
        <source>Mật khẩu</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../ui/views/login.py" line="72"/>
        <source>Chứng chỉ CA</source>
        <translation>CA certificate</translation>
    </message>
    <message>
        <location filename="../../ui/views/login.py" line="81"/>
        <source>Đăng nhập</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="../../ui/views/login.py" line="104"/>
        <source>Chọn chứng chỉ CA</source>
        <translation>Choose CA certificate</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/views/main_window.py" line="258"/>
        <location filename="../../ui/views/main_window.py" line="283"/>
        <source>Văn thư số</source>
        <translation>Văn thư số</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.py" line="352"/>
        <source>Văn bản đến</source>
        <translation>Incoming documents</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.py" line="353"/>
        <source>Văn bản đi</source>
        <translation>Outgoing documents</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.py" line="354"/>
        <location filename="../../ui/views/main_window.py" line="839"/>
        <source>Tải lên</source>
        <translation>Uploads</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.py" line="356"/>
        <source>Tài khoản</source>
        <translation>Accounts</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.py" line="358"/>
        <source>Cài đặt</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.py" line="299"/>
        <source>Tìm số, ký hiệu, trích yếu… (gõ không dấu cũng được)</source>
        <translation>Search number, symbol, summary… (diacritics optional)</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.py" line="304"/>
        <source>Mọi độ khẩn</source>
        <translation>Any urgency</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.py" line="305"/>
        <source>Khẩn trở lên</source>
        <translation>Urgent or higher</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.py" line="306"/>
        <source>Thượng khẩn trở lên</source>
        <translation>Very urgent or higher</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.py" line="307"/>
        <source>Hỏa tốc</source>
        <translation>Flash</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.py" line="312"/>
        <source>Mọi loại</source>
        <translation>All types</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.py" line="326"/>
        <source>Mọi hạn</source>
        <translation>Any deadline</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.py" line="326"/>
        <source>Quá hạn</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.py" line="329"/>
        <source>Mọi trạng thái</source>
        <translation>Any status</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.py" line="331"/>
        <location filename="../../ui/views/main_window.py" line="699"/>
        <source>Ký số</source>
        <translation>Sign</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.py" line="332"/>
        <source>Dự thảo mới…</source>
        <translation>New draft…</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.py" line="333"/>
        <source>Vào sổ…</source>
        <translation>Register…</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.py" line="335"/>
        <source>Vào sổ văn bản đến (Ctrl+I); có thể thả tệp PDF vào cửa sổ</source>
        <translation>Register an incoming document (Ctrl+I); you may drop a PDF on the window</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.py" line="338"/>
        <location filename="../../ui/views/main_window.py" line="761"/>
        <source>Đồng bộ</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.py" line="338"/>
        <location filename="../../ui/views/main_window.py" line="734"/>
        <source>Dừng đồng bộ</source>
        <translation>Stop sync</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.py" line="355"/>
        <source>Báo cáo, sổ</source>
        <translation>Reports, registers</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.py" line="357"/>
        <source>Nhật ký hệ thống</source>
        <translation>Audit trail</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.py" line="398"/>
        <source>Mở văn bản</source>
        <translation>Open document</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.py" line="400"/>
        <source>Xử lý, chuyển bước…</source>
        <translation>Take a step…</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.py" line="403"/>
        <source>Xử lý %1 văn bản cùng lúc…</source>
        <translation>Take a step on %1 documents…</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.py" line="407"/>
        <source>Ký số %1 văn bản…</source>
        <translation>Sign %1 documents…</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.py" line="593"/>
        <source>Đã vào sổ: số đến %1</source>
        <translation>Registered: arrival number %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.py" line="599"/>
        <source>Ngoại tuyến — văn bản chờ gửi, sẽ vào sổ khi có mạng (Chờ vào sổ)</source>
        <translation>Offline — the document waits to be sent and registered (Waiting for registration)</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.py" line="625"/>
        <source>Vào sổ từng văn bản một: mở %1 trước. Nhiều bản quét: dùng thư mục theo dõi.</source>
        <translation>One document at a time: %1 first. For many scans use the watched folder.</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.py" line="645"/>
        <source>Đã tạo dự thảo: %1</source>
        <translation>Draft created: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.py" line="648"/>
        <source>Ngoại tuyến — dự thảo chờ gửi khi có mạng</source>
        <translation>Offline — the draft will be sent when the server is back</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.py" line="661"/>
        <source>Đã thực hiện: %1 văn bản; chờ gửi: %2; không thực hiện được: %3</source>
        <translation>Done: %1 documents; waiting to be sent: %2; refused: %3</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.py" line="668"/>
        <source>Ngoại tuyến — thao tác đã lưu, chờ gửi khi có mạng</source>
        <translation>Offline — the step is saved and will be sent when the network is back</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.py" line="699"/>
        <source>Hãy chọn văn bản có tệp để ký.</source>
        <translation>Select documents that have a file to sign.</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.py" line="733"/>
        <source>Đang đồng bộ…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.py" line="754"/>
        <source>Đang đồng bộ… %1 thay đổi</source>
        <translation>Syncing… %1 changes</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.py" line="774"/>
        <source>… và %1 văn bản khẩn khác</source>
        <translation>… and %1 more urgent documents</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.py" line="777"/>
        <source>Đơn vị gửi đã thu hồi hoặc thay thế: %1 — %2</source>
        <translation>Withdrawn or replaced by the sender: %1 — %2</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.py" line="784"/>
        <source>%1 văn bản đến hạn giải quyết hôm nay</source>
        <translation>%1 documents due today</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.py" line="789"/>
        <source>Văn bản khẩn mới</source>
        <translation>New urgent documents</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.py" line="791"/>
        <source>Văn bản bị thu hồi</source>
        <translation>Document withdrawn</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.py" line="793"/>
        <source>Hạn giải quyết</source>
        <translation>Deadlines</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.py" line="807"/>
        <source>Xung đột phiên bản</source>
        <translation>Version conflict</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.py" line="815"/>
        <source>Trực tuyến — đồng bộ lúc %1 — %2 văn bản trên máy</source>
        <translation>Online — synced at %1 — %2 documents on this computer</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.py" line="820"/>
        <source>%1 thao tác xung đột, cần làm lại trên bản mới</source>
        <translation>%1 conflicting steps, to redo on the new version</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.py" line="829"/>
        <source>Ngoại tuyến — đang dùng dữ liệu trên máy</source>
        <translation>Offline — using local data</translation>
    </message>
</context>
<context>
    <name>NewAccountDialog</name>
    <message>
        <location filename="../../ui/views/account_dialogs.py" line="106"/>
        <source>Thêm tài khoản</source>
        <translation>Add account</translation>
    </message>
    <message>
        <location filename="../../ui/views/account_dialogs.py" line="121"/>
        <source>Tên đăng nhập</source>
        <translation>Username</translation>
    </message>
    <message>
        <location filename="../../ui/views/account_dialogs.py" line="122"/>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../ui/views/account_dialogs.py" line="123"/>
        <source>Chức vụ</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../ui/views/account_dialogs.py" line="124"/>
        <source>Vai trò</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../ui/views/account_dialogs.py" line="125"/>
        <source>Phòng ban</source>
        <translation>Department</translation>
    </message>
    <message>
        <location filename="../../ui/views/account_dialogs.py" line="139"/>
        <source>Tên đăng nhập không được trống hay có dấu cách.</source>
        <translation>The username must not be empty or contain spaces.</translation>
    </message>
    <message>
        <location filename="../../ui/views/account_dialogs.py" line="141"/>
        <source>Cần nhập họ và tên.</source>
        <translation>Enter the full name.</translation>
    </message>
</context>
<context>
    <name>NewDepartmentDialog</name>
    <message>
        <location filename="../../ui/views/account_dialogs.py" line="54"/>
        <source>Thêm phòng ban</source>
        <translation>Add department</translation>
    </message>
    <message>
        <location filename="../../ui/views/account_dialogs.py" line="67"/>
        <source>Mã phòng ban</source>
        <translation>Department code</translation>
    </message>
    <message>
        <location filename="../../ui/views/account_dialogs.py" line="68"/>
        <source>Tên phòng ban</source>
        <translation>Department name</translation>
    </message>
    <message>
        <location filename="../../ui/views/account_dialogs.py" line="70"/>
        <source>Đơn vị</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../ui/views/account_dialogs.py" line="86"/>
        <source>Mã phòng ban không được trống hay có dấu cách.</source>
        <translation>The department code cannot be empty or contain spaces.</translation>
    </message>
    <message>
        <location filename="../../ui/views/account_dialogs.py" line="88"/>
        <source>Cần nhập tên phòng ban.</source>
        <translation>Enter the department&apos;s name.</translation>
    </message>
</context>
<context>
    <name>PathField</name>
    <message>
        <location filename="../../ui/views/profile_editors.py" line="44"/>
        <source>Chọn…</source>
        <translation>Choose…</translation>
    </message>
</context>
<context>
    <name>PdfView</name>
    <message>
        <location filename="../../ui/views/pdf_view.py" line="148"/>
        <source>Tìm trong văn bản…</source>
        <translation>Find in document…</translation>
    </message>
    <message>
        <location filename="../../ui/views/pdf_view.py" line="153"/>
        <source>Trang trước</source>
        <translation>Previous page</translation>
    </message>
    <message>
        <location filename="../../ui/views/pdf_view.py" line="154"/>
        <source>Trang sau</source>
        <translation>Next page</translation>
    </message>
    <message>
        <location filename="../../ui/views/pdf_view.py" line="155"/>
        <source>Thu nhỏ</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <location filename="../../ui/views/pdf_view.py" line="156"/>
        <source>Phóng to</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <location filename="../../ui/views/pdf_view.py" line="157"/>
        <source>Vừa chiều rộng</source>
        <translation>Fit width</translation>
    </message>
    <message>
        <location filename="../../ui/views/pdf_view.py" line="182"/>
        <source>Mật khẩu mở tệp</source>
        <translation>Open password</translation>
    </message>
    <message>
        <location filename="../../ui/views/pdf_view.py" line="185"/>
        <source>Mở tệp</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../ui/views/pdf_view.py" line="243"/>
        <source>Không hiển thị được tệp này.</source>
        <translation>This file cannot be shown.</translation>
    </message>
    <message>
        <location filename="../../ui/views/pdf_view.py" line="246"/>
        <source>Mật khẩu không đúng. Hãy nhập lại mật khẩu mở tệp.</source>
        <translation>Wrong password. Enter the open password again.</translation>
    </message>
</context>
<context>
    <name>ReportsView</name>
    <message>
        <location filename="../../ui/views/reports_view.py" line="104"/>
        <source>Sổ đăng ký văn bản đến</source>
        <translation>Incoming register</translation>
    </message>
    <message>
        <location filename="../../ui/views/reports_view.py" line="105"/>
        <source>Sổ đăng ký văn bản đi</source>
        <translation>Outgoing register</translation>
    </message>
    <message>
        <location filename="../../ui/views/reports_view.py" line="106"/>
        <source>Tình hình xử lý theo phòng ban</source>
        <translation>Processing by department</translation>
    </message>
    <message>
        <location filename="../../ui/views/reports_view.py" line="111"/>
        <source>Từ ngày</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../ui/views/reports_view.py" line="112"/>
        <source>đến ngày</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../ui/views/reports_view.py" line="113"/>
        <source>Xem</source>
        <translation>Show</translation>
    </message>
    <message>
        <location filename="../../ui/views/reports_view.py" line="114"/>
        <source>Lưu PDF…</source>
        <translation>Save PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/views/reports_view.py" line="115"/>
        <source>Lưu Excel…</source>
        <translation>Save Excel…</translation>
    </message>
    <message>
        <location filename="../../ui/views/reports_view.py" line="127"/>
        <source>Đang lập báo cáo…</source>
        <translation>Preparing the report…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/reports_view.py" line="165"/>
        <source>%n dòng</source>
        <translation>
            <numerusform>%n row</numerusform>
            <numerusform>%n rows</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/views/reports_view.py" line="178"/>
        <source>Tệp PDF (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/views/reports_view.py" line="178"/>
        <source>Bảng tính Excel (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/views/reports_view.py" line="181"/>
        <source>Lưu báo cáo</source>
        <translation>Save the report</translation>
    </message>
    <message>
        <location filename="../../ui/views/reports_view.py" line="190"/>
        <source>Đang lưu…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../ui/views/reports_view.py" line="196"/>
        <source>Đã lưu: %1</source>
        <translation>Saved: %1</translation>
    </message>
</context>
<context>
    <name>SettingsView</name>
    <message>
        <location filename="../../ui/views/settings_view.py" line="56"/>
        <source>Đổi máy chủ: đăng xuất rồi đăng nhập lại</source>
        <translation>To change server: log out and log in again</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="68"/>
        <source>Lưu</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="72"/>
        <source>Chung</source>
        <translation>General</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="74"/>
        <source>Ngôn ngữ</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="75"/>
        <source>Dung lượng tệp lưu trên máy</source>
        <translation>Local file cache size</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="76"/>
        <source>Máy chủ</source>
        <translation>Server</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="77"/>
        <source>Ký số</source>
        <translation>Signing</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="80"/>
        <source>Cấu hình ký số</source>
        <translation>Signing profile</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="83"/>
        <source>Thư mục theo dõi (tải lên bản quét)</source>
        <translation>Watched folder (scan uploads)</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="85"/>
        <source>Chứng thư gốc tin cậy</source>
        <translation>Trusted root certificates</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="142"/>
        <source>Đã lưu.</source>
        <translation>Saved.</translation>
    </message>
</context>
<context>
    <name>SignDialog</name>
    <message numerus="yes">
        <location filename="../../ui/views/sign_dialog.py" line="162"/>
        <source>Ký số %n văn bản</source>
        <translation>
            <numerusform>Sign %n document(s)</numerusform>
            <numerusform>Sign %n document(s)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/views/sign_dialog.py" line="178"/>
        <source>Ký phê duyệt</source>
        <translation>Approve (leader signature)</translation>
    </message>
    <message>
        <location filename="../../ui/views/sign_dialog.py" line="179"/>
        <source>Đóng dấu phát hành</source>
        <translation>Issue (organisation seal)</translation>
    </message>
    <message>
        <location filename="../../ui/views/sign_dialog.py" line="180"/>
        <source>Ký phụ lục</source>
        <translation>Sign attachment</translation>
    </message>
    <message>
        <location filename="../../ui/views/sign_dialog.py" line="181"/>
        <source>Ký bản sao điện tử</source>
        <translation>Sign electronic copy</translation>
    </message>
    <message>
        <location filename="../../ui/views/sign_dialog.py" line="195"/>
        <source>Ký</source>
        <translation>Sign</translation>
    </message>
    <message>
        <location filename="../../ui/views/sign_dialog.py" line="198"/>
        <source>Huỷ</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/views/sign_dialog.py" line="200"/>
        <source>Tải lại bản mới nhất</source>
        <translation>Reload the newest version</translation>
    </message>
    <message>
        <location filename="../../ui/views/sign_dialog.py" line="204"/>
        <source>Sửa tệp hỏng và ký bản sửa</source>
        <translation>Repair damaged files and sign the copies</translation>
    </message>
    <message>
        <location filename="../../ui/views/sign_dialog.py" line="208"/>
        <source>Ghi lại một lần các tệp PDF hỏng cấu trúc (chưa có chữ ký) rồi ký bản đã sửa; lý do ký ghi rõ đây là bản sửa.</source>
        <translation>Rewrite structurally damaged (unsigned) PDFs once and sign the repaired copies; the signing reason says it is a repaired copy.</translation>
    </message>
    <message>
        <location filename="../../ui/views/sign_dialog.py" line="217"/>
        <source>Mật khẩu mở tệp PDF</source>
        <translation>PDF open password</translation>
    </message>
    <message>
        <location filename="../../ui/views/sign_dialog.py" line="223"/>
        <source>Thư viện token</source>
        <translation>Token library</translation>
    </message>
    <message>
        <location filename="../../ui/views/sign_dialog.py" line="224"/>
        <source>Chứng thư số</source>
        <translation>Certificate</translation>
    </message>
    <message>
        <location filename="../../ui/views/sign_dialog.py" line="225"/>
        <source>Mã PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../ui/views/sign_dialog.py" line="228"/>
        <source>Cách ký</source>
        <translation>Signing mode</translation>
    </message>
    <message>
        <location filename="../../ui/views/sign_dialog.py" line="298"/>
        <source>CẢNH BÁO: chỉ còn MỘT lần nhập PIN trước khi token bị khoá.</source>
        <translation>WARNING: ONE PIN try left before the token locks.</translation>
    </message>
    <message>
        <location filename="../../ui/views/sign_dialog.py" line="302"/>
        <source>Nhập PIN trên bàn phím của token khi bấm Ký</source>
        <translation>Enter the PIN on the token&apos;s keypad after pressing Sign</translation>
    </message>
    <message>
        <location filename="../../ui/views/sign_dialog.py" line="335"/>
        <source>Chưa chọn chứng thư số.</source>
        <translation>No certificate chosen.</translation>
    </message>
    <message>
        <location filename="../../ui/views/sign_dialog.py" line="343"/>
        <source>Hãy nhập mã PIN của token.</source>
        <translation>Enter the token&apos;s PIN.</translation>
    </message>
    <message>
        <location filename="../../ui/views/sign_dialog.py" line="387"/>
        <source> — bấm Tải lại để lấy bản mới nhất</source>
        <translation> — press Reload to get the latest version</translation>
    </message>
    <message>
        <location filename="../../ui/views/sign_dialog.py" line="390"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/sign_dialog.py" line="423"/>
        <source>Nhập mật khẩu mở tệp và mã PIN rồi bấm Ký để ký %n tệp có mật khẩu.</source>
        <translation>
            <numerusform>Enter the open password and the PIN, then press Sign to sign %n password-protected file.</numerusform>
            <numerusform>Enter the open password and the PIN, then press Sign to sign %n password-protected files.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/sign_dialog.py" line="434"/>
        <source>Nhập mã PIN rồi bấm Ký để ký bản sửa của %n tệp.</source>
        <translation>
            <numerusform>Enter the PIN, then press Sign to sign the repaired copy of %n file.</numerusform>
            <numerusform>Enter the PIN, then press Sign to sign the repaired copies of %n files.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SigningProfileEditor</name>
    <message>
        <location filename="../../ui/views/profile_editors.py" line="69"/>
        <source>PAdES B-T (có dấu thời gian)</source>
        <translation>PAdES B-T (with time-stamp)</translation>
    </message>
    <message>
        <location filename="../../ui/views/profile_editors.py" line="70"/>
        <source>PAdES B-LT (kèm thông tin thu hồi)</source>
        <translation>PAdES B-LT (with revocation data)</translation>
    </message>
    <message>
        <location filename="../../ui/views/profile_editors.py" line="71"/>
        <source>PAdES B-LTA (lưu trữ dài hạn)</source>
        <translation>PAdES B-LTA (long-term archive)</translation>
    </message>
    <message>
        <location filename="../../ui/views/profile_editors.py" line="77"/>
        <source>Ký không dấu thời gian khi máy chủ TSA không phản hồi</source>
        <translation>Sign without a time-stamp when the TSA does not answer</translation>
    </message>
    <message>
        <location filename="../../ui/views/profile_editors.py" line="79"/>
        <source>Ảnh chữ ký (PNG nền trong suốt)</source>
        <translation>Signature image (transparent PNG)</translation>
    </message>
    <message>
        <location filename="../../ui/views/profile_editors.py" line="80"/>
        <source>Ảnh con dấu (PNG nền trong suốt)</source>
        <translation>Seal image (transparent PNG)</translation>
    </message>
    <message>
        <location filename="../../ui/views/profile_editors.py" line="82"/>
        <source>Khi đóng dấu: ghi số và ngày văn thư đã cấp vào chỗ trống</source>
        <translation>When sealing: write the number and date the clerk assigned into the blanks</translation>
    </message>
    <message>
        <location filename="../../ui/views/profile_editors.py" line="88"/>
        <source>Chọn…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../ui/views/profile_editors.py" line="96"/>
        <source>Thêm chứng thư gốc…</source>
        <translation>Add root certificate…</translation>
    </message>
    <message>
        <location filename="../../ui/views/profile_editors.py" line="98"/>
        <source>Bỏ</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../ui/views/profile_editors.py" line="109"/>
        <source>Chuẩn chữ ký</source>
        <translation>Signature level</translation>
    </message>
    <message>
        <location filename="../../ui/views/profile_editors.py" line="110"/>
        <source>Máy chủ dấu thời gian (TSA)</source>
        <translation>Time-stamp server (TSA)</translation>
    </message>
    <message>
        <location filename="../../ui/views/profile_editors.py" line="112"/>
        <source>Ảnh chữ ký</source>
        <translation>Signature image</translation>
    </message>
    <message>
        <location filename="../../ui/views/profile_editors.py" line="113"/>
        <source>Ảnh con dấu</source>
        <translation>Seal image</translation>
    </message>
    <message>
        <location filename="../../ui/views/profile_editors.py" line="114"/>
        <source>Cơ quan (bản sao điện tử)</source>
        <translation>Organisation (electronic copies)</translation>
    </message>
    <message>
        <location filename="../../ui/views/profile_editors.py" line="116"/>
        <source>Thư viện token (PKCS#11)</source>
        <translation>Token library (PKCS#11)</translation>
    </message>
    <message>
        <location filename="../../ui/views/profile_editors.py" line="117"/>
        <source>Chứng thư gốc tin cậy</source>
        <translation>Trusted root certificates</translation>
    </message>
    <message>
        <location filename="../../ui/views/profile_editors.py" line="139"/>
        <source>Thư viện PKCS#11 của token</source>
        <translation>The token&apos;s PKCS#11 library</translation>
    </message>
    <message>
        <location filename="../../ui/views/profile_editors.py" line="141"/>
        <source>Thư viện (*.dll *.so *.dylib)</source>
        <translation>Libraries (*.dll *.so *.dylib)</translation>
    </message>
    <message>
        <location filename="../../ui/views/profile_editors.py" line="149"/>
        <source>Chứng thư gốc</source>
        <translation>Root certificate</translation>
    </message>
    <message>
        <location filename="../../ui/views/profile_editors.py" line="149"/>
        <source>Chứng thư (*.cer *.crt *.pem *.der)</source>
        <translation>Certificates (*.cer *.crt *.pem *.der)</translation>
    </message>
</context>
<context>
    <name>StepDialog</name>
    <message>
        <location filename="../../ui/views/step_dialog.py" line="127"/>
        <source>Xử lý văn bản</source>
        <translation>Workflow step</translation>
    </message>
    <message>
        <location filename="../../ui/views/step_dialog.py" line="158"/>
        <source>Tìm người, phòng ban (gõ không dấu được)</source>
        <translation>Find a person or department (diacritics optional)</translation>
    </message>
    <message>
        <location filename="../../ui/views/step_dialog.py" line="160"/>
        <source>Có hạn xử lý</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../ui/views/step_dialog.py" line="175"/>
        <source>Không thay thế văn bản nào</source>
        <translation>Replaces no document</translation>
    </message>
    <message>
        <location filename="../../ui/views/step_dialog.py" line="179"/>
        <source>Đóng dấu ĐẾN lên trang đầu của tệp</source>
        <translation>Put the arrival (ĐẾN) stamp on the first page</translation>
    </message>
    <message>
        <location filename="../../ui/views/step_dialog.py" line="183"/>
        <source>Dấu ĐẾN ghi tên cơ quan, số đến và ngày đến; được thêm thành một phiên bản mới của tệp nên chữ ký số của nơi gửi vẫn hợp lệ.</source>
        <translation>The arrival stamp shows the organisation, arrival number and date; it is added as a new version of the file, so the sender&apos;s digital signature stays valid.</translation>
    </message>
    <message>
        <location filename="../../ui/views/step_dialog.py" line="206"/>
        <source>Bước</source>
        <translation>Step</translation>
    </message>
    <message>
        <location filename="../../ui/views/step_dialog.py" line="207"/>
        <source>Trình lãnh đạo</source>
        <translation>Present to</translation>
    </message>
    <message>
        <location filename="../../ui/views/step_dialog.py" line="208"/>
        <source>Tìm</source>
        <translation>Find</translation>
    </message>
    <message>
        <location filename="../../ui/views/step_dialog.py" line="209"/>
        <source>Xử lý chính</source>
        <translation>Lead handler</translation>
    </message>
    <message>
        <location filename="../../ui/views/step_dialog.py" line="210"/>
        <source>Phối hợp</source>
        <translation>Co-handlers</translation>
    </message>
    <message>
        <location filename="../../ui/views/step_dialog.py" line="211"/>
        <source>Nhận để biết</source>
        <translation>For information</translation>
    </message>
    <message>
        <location filename="../../ui/views/step_dialog.py" line="213"/>
        <source>Gửi đơn vị nhận</source>
        <translation>Send to</translation>
    </message>
    <message>
        <location filename="../../ui/views/step_dialog.py" line="214"/>
        <source>Thay thế văn bản</source>
        <translation>Replaces</translation>
    </message>
    <message>
        <location filename="../../ui/views/step_dialog.py" line="215"/>
        <source>Dấu đến</source>
        <translation>Arrival stamp</translation>
    </message>
    <message>
        <location filename="../../ui/views/step_dialog.py" line="216"/>
        <source>Số sẽ cấp</source>
        <translation>Number to take</translation>
    </message>
    <message>
        <location filename="../../ui/views/step_dialog.py" line="217"/>
        <source>Thông tin đúng</source>
        <translation>Correct details</translation>
    </message>
    <message>
        <location filename="../../ui/views/step_dialog.py" line="218"/>
        <source>Ý kiến</source>
        <translation>Comment</translation>
    </message>
    <message>
        <location filename="../../ui/views/step_dialog.py" line="230"/>
        <source>Xử lý %1 văn bản cùng lúc</source>
        <translation>One step on %1 documents</translation>
    </message>
    <message>
        <location filename="../../ui/views/step_dialog.py" line="251"/>
        <source>Văn bản ở trạng thái này không có bước xử lý nào.</source>
        <translation>No step can be taken on a document in this status.</translation>
    </message>
    <message>
        <location filename="../../ui/views/step_dialog.py" line="293"/>
        <source>Đang hỏi máy chủ…</source>
        <translation>Asking the server…</translation>
    </message>
    <message>
        <location filename="../../ui/views/step_dialog.py" line="311"/>
        <source>Chưa biết (%1); số được cấp khi bước này đến máy chủ.</source>
        <translation>Not known yet (%1); the number is taken when this step reaches the server.</translation>
    </message>
    <message>
        <location filename="../../ui/views/step_dialog.py" line="324"/>
        <source>Hãy chọn lãnh đạo nhận.</source>
        <translation>Choose the leader it goes to.</translation>
    </message>
    <message>
        <location filename="../../ui/views/step_dialog.py" line="331"/>
        <source>Ngày văn bản cần theo dạng ngày/tháng/năm.</source>
        <translation>The date must read day/month/year.</translation>
    </message>
    <message>
        <location filename="../../ui/views/step_dialog.py" line="334"/>
        <source>Hãy sửa ít nhất một thông tin cần đính chính.</source>
        <translation>Change at least one detail to correct.</translation>
    </message>
    <message>
        <location filename="../../ui/views/step_dialog.py" line="339"/>
        <source>Hãy ghi lý do thu hồi.</source>
        <translation>Write why it is withdrawn.</translation>
    </message>
    <message>
        <location filename="../../ui/views/step_dialog.py" line="340"/>
        <location filename="../../ui/views/step_dialog.py" line="341"/>
        <source>Hãy ghi lý do trả lại.</source>
        <translation>Write why it is sent back.</translation>
    </message>
    <message>
        <location filename="../../ui/views/step_dialog.py" line="342"/>
        <source>Hãy ghi lý do đính chính.</source>
        <translation>Give the reason for the correction.</translation>
    </message>
    <message>
        <location filename="../../ui/views/step_dialog.py" line="343"/>
        <source>Hãy ghi lý do.</source>
        <translation>Give a reason.</translation>
    </message>
    <message>
        <location filename="../../ui/views/step_dialog.py" line="432"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>TrustListView</name>
    <message>
        <location filename="../../ui/views/trust_view.py" line="49"/>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/views/trust_view.py" line="50"/>
        <source>Chứng thư</source>
        <translation>Certificate</translation>
    </message>
    <message>
        <location filename="../../ui/views/trust_view.py" line="51"/>
        <source>Hạ tầng</source>
        <translation>PKI</translation>
    </message>
    <message>
        <location filename="../../ui/views/trust_view.py" line="52"/>
        <source>Hiệu lực đến</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <location filename="../../ui/views/trust_view.py" line="66"/>
        <source>Thêm chứng thư…</source>
        <translation>Add certificate…</translation>
    </message>
    <message>
        <location filename="../../ui/views/trust_view.py" line="69"/>
        <location filename="../../ui/views/trust_view.py" line="145"/>
        <source>Tắt</source>
        <translation>Disable</translation>
    </message>
    <message>
        <location filename="../../ui/views/trust_view.py" line="72"/>
        <source>Thay bằng bản mới…</source>
        <translation>Replace with a newer one…</translation>
    </message>
    <message>
        <location filename="../../ui/views/trust_view.py" line="80"/>
        <source>So dấu vân tay SHA-256 với trang của nhà cung cấp (ca.gov.vn, rootca.gov.vn) trước khi tin cậy. Danh sách của đơn vị được cập nhật từ máy chủ mỗi lần đồng bộ.</source>
        <translation>Compare the SHA-256 fingerprint with the operator&apos;s site (ca.gov.vn, rootca.gov.vn) before trusting. Your organisation&apos;s list is updated from the server at every sync.</translation>
    </message>
    <message>
        <location filename="../../ui/views/trust_view.py" line="110"/>
        <source>cài sẵn</source>
        <translation>built in</translation>
    </message>
    <message>
        <location filename="../../ui/views/trust_view.py" line="111"/>
        <source>của đơn vị</source>
        <translation>organisation</translation>
    </message>
    <message>
        <location filename="../../ui/views/trust_view.py" line="112"/>
        <source>thêm trên máy này</source>
        <translation>added on this computer</translation>
    </message>
    <message>
        <location filename="../../ui/views/trust_view.py" line="115"/>
        <source>Tin cậy</source>
        <translation>Trusted</translation>
    </message>
    <message>
        <location filename="../../ui/views/trust_view.py" line="115"/>
        <source>Đã tắt</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <location filename="../../ui/views/trust_view.py" line="143"/>
        <source>Chọn một dòng để xem đầy đủ dấu vân tay.</source>
        <translation>Select a row to see the full fingerprint.</translation>
    </message>
    <message>
        <location filename="../../ui/views/trust_view.py" line="145"/>
        <source>Bật</source>
        <translation>Enable</translation>
    </message>
    <message>
        <location filename="../../ui/views/trust_view.py" line="149"/>
        <source>cấp bởi</source>
        <translation>issued by</translation>
    </message>
    <message>
        <location filename="../../ui/views/trust_view.py" line="159"/>
        <source>Chọn tệp chứng thư</source>
        <translation>Choose a certificate file</translation>
    </message>
    <message>
        <location filename="../../ui/views/trust_view.py" line="159"/>
        <source>Chứng thư (*.pem *.crt *.cer *.der)</source>
        <translation>Certificates (*.pem *.crt *.cer *.der)</translation>
    </message>
</context>
<context>
    <name>UploadsView</name>
    <message>
        <location filename="../../ui/views/uploads.py" line="64"/>
        <source>Thư mục nhận bản quét</source>
        <translation>Scan folder</translation>
    </message>
    <message>
        <location filename="../../ui/views/uploads.py" line="65"/>
        <source>Chọn thư mục…</source>
        <translation>Choose folder…</translation>
    </message>
    <message>
        <location filename="../../ui/views/uploads.py" line="67"/>
        <location filename="../../ui/views/uploads.py" line="132"/>
        <source>Bắt đầu theo dõi</source>
        <translation>Start watching</translation>
    </message>
    <message>
        <location filename="../../ui/views/uploads.py" line="70"/>
        <source>Mở thư mục</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <location filename="../../ui/views/uploads.py" line="74"/>
        <source>Thử lại tệp lỗi</source>
        <translation>Retry failed files</translation>
    </message>
    <message>
        <location filename="../../ui/views/uploads.py" line="83"/>
        <source>Tệp</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../ui/views/uploads.py" line="83"/>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/views/uploads.py" line="83"/>
        <source>Tiến độ</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location filename="../../ui/views/uploads.py" line="83"/>
        <source>Lý do</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/views/uploads.py" line="95"/>
        <source>Chọn thư mục nhận bản quét</source>
        <translation>Choose the scan folder</translation>
    </message>
    <message>
        <location filename="../../ui/views/uploads.py" line="119"/>
        <source>Dừng theo dõi</source>
        <translation>Stop watching</translation>
    </message>
    <message>
        <location filename="../../ui/views/uploads.py" line="157"/>
        <source>Đã tải lên: %1 — Lỗi: %2 — Đang chờ: %3</source>
        <translation>Uploaded: %1 — Failed: %2 — Waiting: %3</translation>
    </message>
</context>
<context>
    <name>WatchProfileEditor</name>
    <message>
        <location filename="../../ui/views/profile_editors.py" line="184"/>
        <source>Tự động</source>
        <translation>Automatic</translation>
    </message>
    <message>
        <location filename="../../ui/views/profile_editors.py" line="185"/>
        <source>Sự kiện hệ thống (ổ đĩa máy này)</source>
        <translation>System events (local disk)</translation>
    </message>
    <message>
        <location filename="../../ui/views/profile_editors.py" line="186"/>
        <source>Quét định kỳ (ổ mạng SMB/NFS)</source>
        <translation>Periodic scan (SMB/NFS network share)</translation>
    </message>
    <message>
        <location filename="../../ui/views/profile_editors.py" line="190"/>
        <source>Chuyển vào done/ theo ngày</source>
        <translation>Move to done/ by date</translation>
    </message>
    <message>
        <location filename="../../ui/views/profile_editors.py" line="191"/>
        <source>Xoá tệp gốc</source>
        <translation>Delete the original</translation>
    </message>
    <message>
        <location filename="../../ui/views/profile_editors.py" line="195"/>
        <source>Không giới hạn</source>
        <translation>Unlimited</translation>
    </message>
    <message>
        <location filename="../../ui/views/profile_editors.py" line="196"/>
        <source>Nhận dạng chữ (OCR tiếng Việt) cho bản quét</source>
        <translation>Recognise text (Vietnamese OCR) in scans</translation>
    </message>
    <message>
        <location filename="../../ui/views/profile_editors.py" line="198"/>
        <source>Loại văn bản mặc định</source>
        <translation>Default document type</translation>
    </message>
    <message>
        <location filename="../../ui/views/profile_editors.py" line="199"/>
        <source>Cơ quan ban hành mặc định</source>
        <translation>Default issuing body</translation>
    </message>
    <message>
        <location filename="../../ui/views/profile_editors.py" line="200"/>
        <source>Chờ tệp đứng yên</source>
        <translation>Wait until the file is still</translation>
    </message>
    <message>
        <location filename="../../ui/views/profile_editors.py" line="201"/>
        <source>Số tệp tải song song</source>
        <translation>Parallel uploads</translation>
    </message>
    <message>
        <location filename="../../ui/views/profile_editors.py" line="202"/>
        <source>Cách phát hiện tệp mới</source>
        <translation>How new files are detected</translation>
    </message>
    <message>
        <location filename="../../ui/views/profile_editors.py" line="203"/>
        <source>Sau khi tải lên</source>
        <translation>After upload</translation>
    </message>
    <message>
        <location filename="../../ui/views/profile_editors.py" line="204"/>
        <source>Giới hạn băng thông</source>
        <translation>Bandwidth limit</translation>
    </message>
</context>
<context>
    <name>dialog</name>
    <message>
        <location filename="../../ui/app.py" line="62"/>
        <source>Không lưu được đăng nhập</source>
        <translation>Cannot remember the sign-in</translation>
    </message>
</context>
</TS>
