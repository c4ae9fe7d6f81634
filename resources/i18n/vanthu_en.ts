<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AccountsView</name>
    <message>
        <location filename="../../ui/views/accounts.py" line="136"/>
        <source>Tìm theo tên đăng nhập, họ tên, chức vụ…</source>
        <translation>Search by username, name, title…</translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="137"/>
        <source>Thêm tài khoản…</source>
        <translation>Add account…</translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="138"/>
        <source>Đặt lại mật khẩu…</source>
        <translation>Reset password…</translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="139"/>
        <source>Bàn giao hồ sơ…</source>
        <translation>Hand over case files…</translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="142"/>
        <source>Chuyển mọi hồ sơ người này đang giữ cho người khác (khi nghỉ việc, chuyển công tác)</source>
        <translation>Move every case file this person holds to someone else (when they leave or change jobs)</translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="145"/>
        <source>Đổi vai trò</source>
        <translation>Change role</translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="146"/>
        <source>Tải lại</source>
        <translation>Reload</translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="147"/>
        <location filename="../../ui/views/accounts.py" line="157"/>
        <source>Phòng ban</source>
        <translation>Department</translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="148"/>
        <source>Đổi phòng ban</source>
        <translation>Change department</translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="149"/>
        <source>Thêm phòng ban…</source>
        <translation>Add department…</translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="152"/>
        <source>Tên đăng nhập</source>
        <translation>Username</translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="153"/>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="154"/>
        <source>Chức vụ</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="155"/>
        <source>Vai trò</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="156"/>
        <source>Đơn vị</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="158"/>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="211"/>
        <source>Hoạt động</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="211"/>
        <source>Đã khoá</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="224"/>
        <source>%1 tài khoản, %2 đang hoạt động</source>
        <translation>%1 accounts, %2 active</translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="248"/>
        <source>Mở khoá</source>
        <translation>Enable</translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="248"/>
        <source>Khoá</source>
        <translation>Disable</translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="289"/>
        <source>Khoá tài khoản</source>
        <translation>Disable account</translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="290"/>
        <source>Khoá tài khoản %1? Người này sẽ bị đăng xuất trên mọi máy.</source>
        <translation>Disable account %1? They are signed out on every computer.</translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="374"/>
        <source>Đặt lại mật khẩu</source>
        <translation>Reset password</translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="375"/>
        <source>Tạo mật khẩu mới cho %1? Mật khẩu cũ hết hiệu lực ngay.</source>
        <translation>Make a new password for %1? The old one stops working at once.</translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="407"/>
        <source>Bàn giao hồ sơ</source>
        <translation>Hand over case files</translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="409"/>
        <source>Đã chuyển %1 hồ sơ của %2 cho %3.</source>
        <translation>Moved %1 case files of %2 to %3.</translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="429"/>
        <source>Mật khẩu ban đầu</source>
        <translation>Initial password</translation>
    </message>
    <message>
        <location filename="../../ui/views/accounts.py" line="431"/>
        <source>Mật khẩu của %1 (chỉ hiện một lần, hãy trao tận tay):</source>
        <translation>Password of %1 (shown only once; hand it over in person):</translation>
    </message>
</context>
<context>
    <name>AgencyPicker</name>
    <message>
        <location filename="../../ui/views/step_pickers.py" line="190"/>
        <source>Tìm cơ quan theo tên hoặc mã (gõ không dấu được)</source>
        <translation>Find an agency by name or code (diacritics optional)</translation>
    </message>
    <message>
        <location filename="../../ui/views/step_pickers.py" line="239"/>
        <source>Đang tìm…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <location filename="../../ui/views/step_pickers.py" line="272"/>
        <source>Bấm vào một cơ quan để thêm vào nơi nhận.</source>
        <translation>Click an agency to add it to the recipients.</translation>
    </message>
    <message>
        <location filename="../../ui/views/step_pickers.py" line="274"/>
        <source>Không tìm thấy cơ quan nào khớp «%1».</source>
        <translation>No agency matches “%1”.</translation>
    </message>
    <message>
        <location filename="../../ui/views/step_pickers.py" line="277"/>
        <source>Danh mục cơ quan của trục liên thông chưa có (chưa kết nối trục).</source>
        <translation>The exchange axis&apos;s agency directory is not here yet (not connected to the axis).</translation>
    </message>
    <message>
        <location filename="../../ui/views/step_pickers.py" line="313"/>
        <source>Bỏ nơi nhận này</source>
        <translation>Remove this recipient</translation>
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
    <name>CaseFileDialogs</name>
    <message>
        <location filename="../../ui/views/case_file_dialogs.py" line="78"/>
        <source>Hạn chế sử dụng</source>
        <translation>Restricted</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_file_dialogs.py" line="81"/>
        <source>Sử dụng rộng rãi</source>
        <translation>Open to the organisation</translation>
    </message>
</context>
<context>
    <name>CaseFileFormsMixin</name>
    <message>
        <location filename="../../ui/views/case_file_forms.py" line="44"/>
        <source>In mục lục hồ sơ…</source>
        <translation>Print the index of files…</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_file_forms.py" line="46"/>
        <source>Mục lục hồ sơ (PDF) của các hồ sơ đang hiển thị, theo năm và số hồ sơ</source>
        <translation>The index of files (PDF) of the files shown, by year and number</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_file_forms.py" line="48"/>
        <source>Mục lục nộp lưu…</source>
        <translation>Transfer list…</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_file_forms.py" line="50"/>
        <source>Mục lục hồ sơ, tài liệu nộp lưu của người lập hồ sơ này trong năm (PDF)</source>
        <translation>The list of files this file&apos;s creator transferred for the year (PDF)</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_file_forms.py" line="52"/>
        <source>Biên bản giao nhận…</source>
        <translation>Hand-over record…</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_file_forms.py" line="54"/>
        <source>Biên bản giao nhận hồ sơ, tài liệu của lần nộp lưu này (PDF)</source>
        <translation>The hand-over record of this transfer (PDF)</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_file_forms.py" line="79"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_file_forms.py" line="86"/>
        <source>Đã lưu %1 vào %2</source>
        <translation>Saved the %1 to %2</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_file_forms.py" line="92"/>
        <source>mục lục hồ sơ</source>
        <translation>index of files</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_file_forms.py" line="93"/>
        <source>Mục lục hồ sơ</source>
        <translation>Index of files</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_file_forms.py" line="106"/>
        <source>mục lục hồ sơ nộp lưu</source>
        <translation>transfer list</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_file_forms.py" line="107"/>
        <source>Mục lục hồ sơ, tài liệu nộp lưu</source>
        <translation>List of files transferred to the archive</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_file_forms.py" line="109"/>
        <source>biên bản giao nhận</source>
        <translation>hand-over record</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_file_forms.py" line="110"/>
        <source>Biên bản giao nhận hồ sơ, tài liệu</source>
        <translation>Record of the hand-over of files</translation>
    </message>
</context>
<context>
    <name>CaseFileHistory</name>
    <message>
        <location filename="../../ui/views/case_file_history.py" line="18"/>
        <source>Lập hồ sơ</source>
        <translation>File opened</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_file_history.py" line="19"/>
        <source>Sửa thông tin hồ sơ</source>
        <translation>Details changed</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_file_history.py" line="20"/>
        <source>Đổi chế độ sử dụng</source>
        <translation>Access rights changed</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_file_history.py" line="21"/>
        <source>Đưa văn bản vào hồ sơ</source>
        <translation>Document put in</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_file_history.py" line="22"/>
        <source>Bỏ văn bản khỏi hồ sơ</source>
        <translation>Document taken out</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_file_history.py" line="23"/>
        <source>Kết thúc hồ sơ</source>
        <translation>File closed</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_file_history.py" line="24"/>
        <source>Mở lại hồ sơ</source>
        <translation>File reopened</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_file_history.py" line="25"/>
        <source>Nộp lưu</source>
        <translation>Transferred to the archive</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_file_history.py" line="26"/>
        <source>Lưu trữ cơ quan tiếp nhận</source>
        <translation>Accepted by the agency archive</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_file_history.py" line="27"/>
        <source>Lưu trữ cơ quan trả lại</source>
        <translation>Returned by the agency archive</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_file_history.py" line="28"/>
        <source>Đề nghị giữ lại</source>
        <translation>Keep-back requested</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_file_history.py" line="29"/>
        <source>Duyệt giữ lại</source>
        <translation>Keep-back approved</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_file_history.py" line="30"/>
        <source>Không duyệt giữ lại</source>
        <translation>Keep-back refused</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_file_history.py" line="31"/>
        <source>Bàn giao hồ sơ</source>
        <translation>Handed over</translation>
    </message>
</context>
<context>
    <name>CaseFilesView</name>
    <message>
        <location filename="../../ui/views/case_files.py" line="64"/>
        <source>Đang lập</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_files.py" line="65"/>
        <source>Đã kết thúc</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_files.py" line="66"/>
        <location filename="../../ui/views/case_files.py" line="77"/>
        <source>Chờ tiếp nhận</source>
        <translation>Awaiting acceptance</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_files.py" line="67"/>
        <source>Bị trả lại</source>
        <translation>Returned</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_files.py" line="68"/>
        <source>Đã vào lưu trữ</source>
        <translation>In the archive</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_files.py" line="75"/>
        <source>Hồ sơ của tôi</source>
        <translation>My case files</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_files.py" line="76"/>
        <source>Sắp đến hạn nộp lưu</source>
        <translation>Due for transfer</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_files.py" line="78"/>
        <source>Đã trả lại</source>
        <translation>Returned</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_files.py" line="79"/>
        <source>Kho lưu trữ cơ quan</source>
        <translation>Agency archive</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_files.py" line="80"/>
        <source>Hết thời hạn bảo quản</source>
        <translation>Retention ended</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_files.py" line="81"/>
        <source>Đề nghị giữ lại</source>
        <translation>Keep-back requests</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_files.py" line="82"/>
        <source>Mọi hồ sơ được xem</source>
        <translation>All files I may see</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_files.py" line="359"/>
        <source>Hồ sơ</source>
        <translation>Case files</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_files.py" line="369"/>
        <source>Tìm theo tiêu đề hồ sơ…</source>
        <translation>Search by file title…</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_files.py" line="370"/>
        <location filename="../../ui/views/case_files.py" line="597"/>
        <source>Mã hồ sơ</source>
        <translation>File code</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_files.py" line="371"/>
        <source>Năm</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_files.py" line="372"/>
        <source>Năm </source>
        <translation>Year </translation>
    </message>
    <message>
        <location filename="../../ui/views/case_files.py" line="376"/>
        <source>Mọi thời hạn</source>
        <translation>Any retention</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_files.py" line="377"/>
        <source>Vĩnh viễn</source>
        <translation>Permanent</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_files.py" line="379"/>
        <source>%1 năm</source>
        <translation>%1 years</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_files.py" line="382"/>
        <source>Tìm</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_files.py" line="385"/>
        <source>Lọc thêm (%1)…</source>
        <translation>More filters (%1)…</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_files.py" line="385"/>
        <source>Lọc thêm…</source>
        <translation>More filters…</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_files.py" line="387"/>
        <source>Chế độ sử dụng, ngôn ngữ, thời gian của tài liệu</source>
        <translation>Access rights, language, the documents’ dates</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_files.py" line="388"/>
        <source>Lập hồ sơ…</source>
        <translation>Open a case file…</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_files.py" line="389"/>
        <source>Danh mục hồ sơ</source>
        <translation>File list</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_files.py" line="391"/>
        <source>Hồ sơ (tiêu đề, mã)</source>
        <translation>Case file (title, code)</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_files.py" line="391"/>
        <location filename="../../ui/views/case_files.py" line="599"/>
        <source>Trạng thái</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_files.py" line="391"/>
        <location filename="../../ui/views/case_files.py" line="610"/>
        <source>Hạn nộp lưu</source>
        <translation>Transfer due</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_files.py" line="395"/>
        <source>STT</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_files.py" line="396"/>
        <source>Số, ký hiệu</source>
        <translation>Number, symbol</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_files.py" line="397"/>
        <source>Ngày</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_files.py" line="398"/>
        <source>Trích yếu</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_files.py" line="399"/>
        <source>Số trang</source>
        <translation>Pages</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_files.py" line="400"/>
        <source>Ghi chú</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_files.py" line="405"/>
        <source>Kéo văn bản từ danh sách thả vào đây, hoặc chọn văn bản rồi dùng «Đưa vào hồ sơ…». Nhấp đúp để mở văn bản.</source>
        <translation>Drag documents from a list and drop them here, or select documents and use “Add to case file…”. Double-click to open a document.</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_files.py" line="410"/>
        <source>Bỏ khỏi hồ sơ</source>
        <translation>Remove from file</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_files.py" line="411"/>
        <source>Kết thúc hồ sơ…</source>
        <translation>Close the file…</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_files.py" line="412"/>
        <source>Mở lại…</source>
        <translation>Reopen…</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_files.py" line="413"/>
        <source>Nộp lưu</source>
        <translation>Transfer to archive</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_files.py" line="414"/>
        <source>Đề nghị giữ lại…</source>
        <translation>Request keep-back…</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_files.py" line="415"/>
        <source>Tiếp nhận</source>
        <translation>Accept</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_files.py" line="416"/>
        <source>Trả lại…</source>
        <translation>Return…</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_files.py" line="417"/>
        <source>Duyệt giữ lại</source>
        <translation>Approve keep-back</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_files.py" line="418"/>
        <source>Không duyệt giữ lại…</source>
        <translation>Refuse keep-back…</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_files.py" line="422"/>
        <source>Xuất hồ sơ (ZIP)…</source>
        <translation>Export file (ZIP)…</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_files.py" line="423"/>
        <source>Xuất PDF…</source>
        <translation>Export PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_files.py" line="424"/>
        <source>In mục lục văn bản…</source>
        <translation>Print document index…</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_files.py" line="425"/>
        <source>Chế độ sử dụng…</source>
        <translation>Access rights…</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_files.py" line="426"/>
        <source>Văn bản trong hồ sơ</source>
        <translation>Documents in the file</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_files.py" line="427"/>
        <source>Lịch sử hồ sơ</source>
        <translation>File history</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_files.py" line="526"/>
        <source>quá hạn %1 ngày</source>
        <translation>%1 days overdue</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_files.py" line="528"/>
        <source>còn %1 ngày</source>
        <translation>%1 days left</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_files.py" line="542"/>
        <source>%1 hồ sơ</source>
        <translation>%1 case files</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_files.py" line="544"/>
        <source>Không có hồ sơ nào trong mục này.</source>
        <translation>No case file here.</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_files.py" line="569"/>
        <source>Chọn một hồ sơ ở danh sách bên trái.</source>
        <translation>Choose a case file in the list on the left.</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_files.py" line="576"/>
        <source>chờ gửi</source>
        <translation>pending</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_files.py" line="598"/>
        <source>Thời hạn bảo quản</source>
        <translation>Retention</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_files.py" line="600"/>
        <source>Người lập hồ sơ</source>
        <translation>Creator</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_files.py" line="602"/>
        <source>Thời gian</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_files.py" line="606"/>
        <source>Số văn bản, số trang</source>
        <translation>Documents, pages</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_files.py" line="611"/>
        <source>Chế độ sử dụng</source>
        <translation>Access rights</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_files.py" line="628"/>
        <source>Hồ sơ đã được Lưu trữ cơ quan tiếp nhận: không thay đổi, di chuyển hay xoá được.</source>
        <translation>The agency archive has accepted this file: it can no longer be changed, moved or deleted.</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_files.py" line="635"/>
        <source>Lưu trữ cơ quan trả lại hồ sơ: %1</source>
        <translation>The agency archive returned the file: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_files.py" line="641"/>
        <source>Hồ sơ đã quá hạn nộp lưu %1 ngày.</source>
        <translation>The file is %1 days overdue for transfer.</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_files.py" line="643"/>
        <source>Hồ sơ đến hạn nộp lưu ngày %1 (còn %2 ngày).</source>
        <translation>The file is due for transfer on %1 (%2 days left).</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_files.py" line="650"/>
        <source>Đề nghị giữ lại đến %1 chờ lãnh đạo duyệt: %2</source>
        <translation>Keep-back until %1 awaits the head’s approval: %2</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_files.py" line="723"/>
        <source>Ngoại tuyến — đã lưu, chờ gửi khi có mạng</source>
        <translation>Offline — saved, will be sent when online</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_files.py" line="757"/>
        <source>Đã lập hồ sơ %1</source>
        <translation>Case file %1 opened</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_files.py" line="778"/>
        <source>Đã đưa %1 văn bản vào hồ sơ</source>
        <translation>%1 documents added to the file</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_files.py" line="802"/>
        <source>Đã bỏ văn bản khỏi hồ sơ</source>
        <translation>Document removed from the file</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_files.py" line="817"/>
        <source>Đã kết thúc hồ sơ</source>
        <translation>File closed</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_files.py" line="836"/>
        <source>Đã đổi chế độ sử dụng hồ sơ</source>
        <translation>The file’s access rights were changed</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_files.py" line="866"/>
        <source>Mở lại hồ sơ</source>
        <translation>Reopen the file</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_files.py" line="867"/>
        <source>Lý do mở lại (ghi vào lịch sử hồ sơ và nhật ký hệ thống):</source>
        <translation>Reason for reopening (kept in the file’s history and the audit trail):</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_files.py" line="869"/>
        <source>Đã mở lại hồ sơ</source>
        <translation>File reopened</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_files.py" line="875"/>
        <source>Trả lại hồ sơ</source>
        <translation>Return the file</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_files.py" line="876"/>
        <source>Lý do trả lại (người lập hồ sơ sẽ thấy):</source>
        <translation>Reason for returning it (its creator will see it):</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_files.py" line="878"/>
        <source>Đã trả lại hồ sơ</source>
        <translation>File returned</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_files.py" line="884"/>
        <source>Không duyệt giữ lại</source>
        <translation>Refuse keep-back</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_files.py" line="885"/>
        <source>Lý do không duyệt:</source>
        <translation>Reason for refusing:</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_files.py" line="887"/>
        <source>Đã không duyệt đề nghị giữ lại</source>
        <translation>Keep-back request refused</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_files.py" line="897"/>
        <source>Đề nghị giữ lại hồ sơ</source>
        <translation>Request to keep the file back</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_files.py" line="899"/>
        <source>Giữ hồ sơ tại đơn vị quá hạn nộp lưu cần lãnh đạo duyệt; tối đa 2 năm sau hạn.</source>
        <translation>Keeping a file at the unit past its transfer deadline needs the head’s approval; at most 2 years after the deadline.</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_files.py" line="902"/>
        <source>Đã gửi đề nghị giữ lại</source>
        <translation>Keep-back requested</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_files.py" line="911"/>
        <source>Đã nộp lưu hồ sơ: chờ Lưu trữ cơ quan tiếp nhận</source>
        <translation>File transferred: awaiting the agency archive’s acceptance</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_files.py" line="919"/>
        <source>Đã tiếp nhận hồ sơ vào Lưu trữ cơ quan</source>
        <translation>File accepted into the agency archive</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_files.py" line="927"/>
        <source>Đã duyệt giữ lại hồ sơ</source>
        <translation>Keep-back approved</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_files.py" line="941"/>
        <source>Xuất hồ sơ</source>
        <translation>Export case file</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_files.py" line="943"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_files.py" line="943"/>
        <source>Tệp nén ZIP (*.zip)</source>
        <translation>ZIP archive (*.zip)</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_files.py" line="962"/>
        <source>Đã xuất hồ sơ vào %1</source>
        <translation>Case file exported to %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_files.py" line="988"/>
        <source>Đã in mục lục văn bản %1</source>
        <translation>Document index of %1 printed</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_files.py" line="1000"/>
        <source>Mục lục văn bản %1</source>
        <translation>Document index %1</translation>
    </message>
</context>
<context>
    <name>CloseFileDialog</name>
    <message>
        <location filename="../../ui/views/case_file_dialogs.py" line="203"/>
        <source>Kết thúc hồ sơ</source>
        <translation>Close the case file</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_file_dialogs.py" line="218"/>
        <source>Số lượng văn bản: %1 · Số lượng trang: %2 · Thời gian bắt đầu: %3 · Ngôn ngữ: %4</source>
        <translation>Documents: %1 · Pages: %2 · Start date: %3 · Language: %4</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_file_dialogs.py" line="237"/>
        <source>Tiêu đề hồ sơ</source>
        <translation>File title</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_file_dialogs.py" line="238"/>
        <source>Thời hạn bảo quản</source>
        <translation>Retention</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_file_dialogs.py" line="239"/>
        <source>Thời gian kết thúc</source>
        <translation>End date</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_file_dialogs.py" line="240"/>
        <source>Chú giải</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_file_dialogs.py" line="242"/>
        <source>Sau khi kết thúc, hồ sơ không thay đổi được nữa, trừ khi mở lại và nêu lý do.</source>
        <translation>Once closed, the file cannot change unless it is reopened with a reason.</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_file_dialogs.py" line="257"/>
        <source>Hồ sơ cần có tiêu đề.</source>
        <translation>The file needs a title.</translation>
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
        <location filename="../../ui/views/account_dialogs.py" line="45"/>
        <source>(không có)</source>
        <translation>(none)</translation>
    </message>
</context>
<context>
    <name>DocumentListPage</name>
    <message>
        <location filename="../../ui/views/document_list.py" line="243"/>
        <source>Tìm số, ký hiệu, trích yếu… (Ctrl+F; gõ không dấu cũng được)</source>
        <translation>Search number, notation, summary… (Ctrl+F; diacritics optional)</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_list.py" line="248"/>
        <source>Mọi độ khẩn</source>
        <translation>Any urgency</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_list.py" line="249"/>
        <source>Khẩn trở lên</source>
        <translation>Urgent or higher</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_list.py" line="250"/>
        <source>Thượng khẩn trở lên</source>
        <translation>Very urgent or higher</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_list.py" line="251"/>
        <source>Hỏa tốc</source>
        <translation>Flash</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_list.py" line="256"/>
        <source>Mọi loại</source>
        <translation>All types</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_list.py" line="270"/>
        <source>Mọi hạn</source>
        <translation>Any deadline</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_list.py" line="270"/>
        <source>Quá hạn</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_list.py" line="273"/>
        <source>Mọi trạng thái</source>
        <translation>Any status</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_list.py" line="275"/>
        <source>Ký số</source>
        <translation>Sign</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_list.py" line="276"/>
        <source>Ký số các văn bản đã chọn (Ctrl+K)</source>
        <translation>Sign the selected documents (Ctrl+K)</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_list.py" line="277"/>
        <source>Dự thảo mới…</source>
        <translation>New draft…</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_list.py" line="279"/>
        <source>Vào sổ…</source>
        <translation>Register…</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_list.py" line="281"/>
        <source>Vào sổ văn bản đến (Ctrl+I); có thể thả tệp PDF vào cửa sổ</source>
        <translation>Register an incoming document (Ctrl+I); you may drop a PDF on the window</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_list.py" line="283"/>
        <source>Lưu tìm kiếm…</source>
        <translation>Save search…</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_list.py" line="285"/>
        <source>Lưu từ khoá và bộ lọc này vào thanh bên, dùng lại trên mọi máy</source>
        <translation>Keep these words and filters in the side bar, on every computer you use</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_list.py" line="287"/>
        <source>Hoàn tác</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_list.py" line="288"/>
        <location filename="../../ui/views/document_list.py" line="570"/>
        <source>Mở văn bản</source>
        <translation>Open document</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_list.py" line="291"/>
        <source>Công việc đã xong: đưa văn bản vào hồ sơ công việc của bạn</source>
        <translation>The work is done: put the document into one of your case files</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_list.py" line="402"/>
        <source>%1 văn bản</source>
        <translation>%1 documents</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_list.py" line="405"/>
        <source>Không có văn bản nào khớp «%1» trong %2.</source>
        <translation>No document matches “%1” in %2.</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_list.py" line="410"/>
        <source>Không có văn bản nào trong %1.</source>
        <translation>No documents in %1.</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_list.py" line="413"/>
        <source>&lt;a href=&quot;all&quot;&gt;%1 văn bản khớp trong mọi văn bản — xem tất cả&lt;/a&gt;</source>
        <translation>&lt;a href=&quot;all&quot;&gt;%1 documents match across all documents — show them all&lt;/a&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_list.py" line="420"/>
        <source>%1 văn bản mật không được tìm trên máy này — &lt;a href=&quot;server&quot;&gt;tìm trên máy chủ&lt;/a&gt;</source>
        <translation>%1 secret documents are not searched on this computer — &lt;a href=&quot;server&quot;&gt;search the server&lt;/a&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_list.py" line="436"/>
        <source>Văn bản đến</source>
        <translation>Incoming documents</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_list.py" line="437"/>
        <source>Văn bản đi</source>
        <translation>Outgoing documents</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_list.py" line="438"/>
        <source>mọi văn bản</source>
        <translation>all documents</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_list.py" line="456"/>
        <source>Đang tìm trên máy chủ…</source>
        <translation>Searching the server…</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_list.py" line="468"/>
        <source>Máy chủ: %1 văn bản khớp «%2».</source>
        <translation>Server: %1 documents match “%2”.</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_list.py" line="478"/>
        <source>Không tìm được trên máy chủ: %1</source>
        <translation>Could not search the server: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_list.py" line="582"/>
        <source>Không có bước nào bạn làm được lúc này</source>
        <translation>No step you can take now</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_list.py" line="585"/>
        <source>Xử lý, chuyển bước…</source>
        <translation>Take a step…</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_list.py" line="589"/>
        <source>Xử lý %1 văn bản cùng lúc…</source>
        <translation>Take a step on %1 documents…</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_list.py" line="594"/>
        <source>Ký số %1 văn bản…</source>
        <translation>Sign %1 documents…</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_list.py" line="289"/>
        <location filename="../../ui/views/document_list.py" line="599"/>
        <source>Đưa vào hồ sơ…</source>
        <translation>Add to case file…</translation>
    </message>
</context>
<context>
    <name>DocumentPrinter</name>
    <message>
        <location filename="../../ui/printing.py" line="356"/>
        <source>Lệnh in trước chưa xong, hãy chờ một chút.</source>
        <translation>The previous print job is not finished yet; wait a moment.</translation>
    </message>
    <message>
        <location filename="../../ui/printing.py" line="361"/>
        <source>In văn bản</source>
        <translation>Print document</translation>
    </message>
    <message>
        <location filename="../../ui/printing.py" line="383"/>
        <source>Đang in…</source>
        <translation>Printing…</translation>
    </message>
    <message>
        <location filename="../../ui/printing.py" line="401"/>
        <source>Đang in trang %1/%2…</source>
        <translation>Printing page %1/%2…</translation>
    </message>
    <message>
        <location filename="../../ui/printing.py" line="407"/>
        <source>Đã in %1 trang.</source>
        <translation>Printed %1 pages.</translation>
    </message>
</context>
<context>
    <name>DocumentTableModel</name>
    <message>
        <location filename="../../ui/models.py" line="98"/>
        <source>Số/ký hiệu</source>
        <translation>Number/symbol</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="99"/>
        <source>Ngày</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="100"/>
        <source>Loại</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="101"/>
        <source>Trích yếu</source>
        <translation>Summary</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="102"/>
        <source>Cơ quan ban hành</source>
        <translation>Issued by</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="103"/>
        <source>Độ khẩn</source>
        <translation>Urgency</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="104"/>
        <source>Độ mật</source>
        <translation>Secrecy</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="105"/>
        <source>Hạn xử lý</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="106"/>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="107"/>
        <source>Phần việc</source>
        <translation>My part</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="108"/>
        <source>Số đến</source>
        <translation>Arrival no.</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="117"/>
        <location filename="../../ui/models.py" line="300"/>
        <source>Quá hạn</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="121"/>
        <location filename="../../ui/models.py" line="301"/>
        <source>Sắp đến hạn</source>
        <translation>Due soon</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="123"/>
        <source>Chờ gửi</source>
        <translation>Waiting to send</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="124"/>
        <source>Khẩn trở lên</source>
        <translation>Urgent or higher</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="306"/>
        <source>Hạn của bạn: %1</source>
        <translation>Your deadline: %1</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="312"/>
        <source>Hạn của văn bản: %1</source>
        <translation>The document&apos;s deadline: %1</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="318"/>
        <source>Hạn của văn bản (bạn không xử lý theo hạn này)</source>
        <translation>The document&apos;s deadline (not one you answer for)</translation>
    </message>
</context>
<context>
    <name>DocumentView</name>
    <message>
        <location filename="../../ui/views/document_view.py" line="102"/>
        <source>Thông tin</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_view.py" line="103"/>
        <source>Phiên bản</source>
        <translation>Versions</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_view.py" line="104"/>
        <source>Chữ ký số</source>
        <translation>Signatures</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_view.py" line="113"/>
        <source>&lt;b&gt;Lịch sử truy cập&lt;/b&gt;</source>
        <translation>&lt;b&gt;Access history&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_view.py" line="118"/>
        <source>Quá trình xử lý</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_view.py" line="120"/>
        <source>Ký số</source>
        <translation>Sign</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_view.py" line="124"/>
        <source>Xử lý…</source>
        <translation>Take a step…</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_view.py" line="126"/>
        <source>Trình, giao xử lý, hoàn thành, trình ký, phát hành…</source>
        <translation>Present, assign, finish, submit for signature, issue…</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_view.py" line="130"/>
        <source>Thay tệp dự thảo…</source>
        <translation>Replace draft file…</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_view.py" line="133"/>
        <source>Tải lên tệp PDF đã sửa thành phiên bản mới của dự thảo, rồi trình ký lại.</source>
        <translation>Upload the corrected PDF as the draft&apos;s new version, then submit it again.</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_view.py" line="138"/>
        <source>In…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_view.py" line="140"/>
        <source>In văn bản, có dấu người in ở lề mỗi trang (Ctrl+P)</source>
        <translation>Print the document, marked in the margin of every page with who printed it (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_view.py" line="142"/>
        <source>Kèm phiếu thông tin</source>
        <translation>With the information sheet</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_view.py" line="145"/>
        <source>In thêm phiếu: số, ký hiệu, ngày, cơ quan, trích yếu, người xử lý, các bước</source>
        <translation>Also print a sheet: number, notation, dates, organ, subject, handlers, steps</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_view.py" line="156"/>
        <source>Quay lại</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_view.py" line="158"/>
        <source>Về danh sách (Esc, Alt+←)</source>
        <translation>Back to the list (Esc, Alt+←)</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_view.py" line="196"/>
        <source>Chưa có bước xử lý nào được ghi lại.</source>
        <translation>No step recorded yet.</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_view.py" line="211"/>
        <source>Số/ký hiệu</source>
        <translation>Number/symbol</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_view.py" line="212"/>
        <source>Ngày</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_view.py" line="213"/>
        <source>Cơ quan ban hành</source>
        <translation>Issued by</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_view.py" line="214"/>
        <source>Người ký</source>
        <translation>Signer</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_view.py" line="215"/>
        <source>Độ khẩn</source>
        <translation>Urgency</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_view.py" line="216"/>
        <source>Độ mật</source>
        <translation>Secrecy</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_view.py" line="218"/>
        <source>Hạn xử lý</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_view.py" line="221"/>
        <source>Số đến</source>
        <translation>Arrival no.</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_view.py" line="222"/>
        <source>Nơi nhận</source>
        <translation>Recipients</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_view.py" line="223"/>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_view.py" line="225"/>
        <source>Mã định danh</source>
        <translation>Document identifier</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_view.py" line="245"/>
        <location filename="../../ui/views/document_view.py" line="246"/>
        <source>Văn bản chưa có tệp.</source>
        <translation>The document has no file yet.</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_view.py" line="248"/>
        <location filename="../../ui/views/document_view.py" line="249"/>
        <source>Đang mở tệp…</source>
        <translation>Opening file…</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_view.py" line="286"/>
        <source>Tệp đang mở, hãy chờ một chút rồi in.</source>
        <translation>The file is still opening; wait a moment, then print.</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_view.py" line="325"/>
        <source>Bản đã ký đang chờ gửi lên máy chủ (ngoại tuyến).</source>
        <translation>The signed version is waiting to be sent to the server (offline).</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_view.py" line="332"/>
        <source>Cần kết nối máy chủ để xem lịch sử truy cập.</source>
        <translation>The access history needs the server.</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_view.py" line="334"/>
        <source>Đang tải…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_view.py" line="350"/>
        <source>Lịch sử truy cập dành cho lãnh đạo, quản trị, người tạo và người xử lý văn bản.</source>
        <translation>A document&apos;s access history is for its leaders, administrators, author and handlers.</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_view.py" line="357"/>
        <source>Xem %1 lần · tải %2 lần · in %3 lần · %4 người</source>
        <translation>%1 views · %2 downloads · %3 prints · %4 people</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_view.py" line="365"/>
        <source> (phiên bản %1)</source>
        <translation> (version %1)</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_view.py" line="423"/>
        <source>Tệp dự thảo mới đang chờ gửi lên máy chủ (ngoại tuyến).</source>
        <translation>The new draft file is waiting to be sent to the server (offline).</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_view.py" line="427"/>
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
    <name>ExchangeAdminView</name>
    <message>
        <location filename="../../ui/views/exchange_admin.py" line="62"/>
        <source>Tải lại</source>
        <translation>Reload</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchange_admin.py" line="65"/>
        <source>Gửi ngay</source>
        <translation>Send now</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchange_admin.py" line="67"/>
        <source>Gửi các gói đang chờ và nhận gói mới ngay bây giờ</source>
        <translation>Send the waiting packages and fetch new ones now</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchange_admin.py" line="104"/>
        <source>Liên thông văn bản</source>
        <translation>Document exchange</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchange_admin.py" line="108"/>
        <source>Kết nối trục liên thông</source>
        <translation>Connection to the exchange axis</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchange_admin.py" line="117"/>
        <location filename="../../ui/views/exchange_admin.py" line="247"/>
        <source>Để trống: giữ nguyên khóa đã đặt</source>
        <translation>Leave empty to keep the secret already set</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchange_admin.py" line="123"/>
        <source>Bật liên thông (gửi và nhận tự động)</source>
        <translation>Exchange on (send and receive automatically)</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchange_admin.py" line="129"/>
        <source> giây</source>
        <translation> seconds</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchange_admin.py" line="130"/>
        <source>Lưu kết nối</source>
        <translation>Save the connection</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchange_admin.py" line="137"/>
        <source>Địa chỉ trục</source>
        <translation>Axis address</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchange_admin.py" line="138"/>
        <source>Mã hệ thống</source>
        <translation>System ID</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchange_admin.py" line="139"/>
        <source>Khóa bí mật</source>
        <translation>Secret</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchange_admin.py" line="141"/>
        <source>Chu kỳ hỏi trục</source>
        <translation>Polling interval</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchange_admin.py" line="147"/>
        <source>Mã định danh của đơn vị</source>
        <translation>The organisation&apos;s agency code</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchange_admin.py" line="152"/>
        <source>Lưu mã định danh</source>
        <translation>Save the agency code</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchange_admin.py" line="164"/>
        <source>Theo Quyết định 20/2020/QĐ-TTg, tối đa 35 ký tự.</source>
        <translation>As Decision 20/2020/QĐ-TTg sets it, up to 35 characters.</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchange_admin.py" line="171"/>
        <source>Tình trạng</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchange_admin.py" line="181"/>
        <source>Chờ gửi</source>
        <translation>Waiting to send</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchange_admin.py" line="182"/>
        <source>Gửi lỗi</source>
        <translation>Sending failed</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchange_admin.py" line="183"/>
        <source>Đã gửi</source>
        <translation>Sent</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchange_admin.py" line="184"/>
        <source>Đã nhận</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchange_admin.py" line="185"/>
        <source>Bị từ chối</source>
        <translation>Refused</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchange_admin.py" line="186"/>
        <source>Cơ quan trong danh mục</source>
        <translation>Agencies in the directory</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchange_admin.py" line="201"/>
        <source>Liên lạc gần nhất</source>
        <translation>Last contact</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchange_admin.py" line="202"/>
        <source>Lỗi gần nhất</source>
        <translation>Last error</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchange_admin.py" line="221"/>
        <source>chưa có mã định danh</source>
        <translation>no agency code yet</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchange_admin.py" line="225"/>
        <source>Liên thông văn bản — %1 (%2)</source>
        <translation>Document exchange — %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchange_admin.py" line="234"/>
        <source>Đơn vị chưa kết nối trục liên thông: nhập địa chỉ, mã hệ thống và khóa.</source>
        <translation>The organisation is not connected to the exchange axis: enter the address, the system ID and the secret.</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchange_admin.py" line="238"/>
        <source>Liên thông đang tắt: không gửi, không nhận.</source>
        <translation>The exchange is off: nothing is sent or received.</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchange_admin.py" line="246"/>
        <source>đã đặt</source>
        <translation>set</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchange_admin.py" line="249"/>
        <source>chưa đặt</source>
        <translation>not set</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchange_admin.py" line="250"/>
        <source>Khóa do trục cấp, ít nhất 8 ký tự</source>
        <translation>The secret the axis gave, at least 8 characters</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchange_admin.py" line="253"/>
        <source>chưa liên lạc</source>
        <translation>no contact yet</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchange_admin.py" line="258"/>
        <source>không có</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchange_admin.py" line="269"/>
        <location filename="../../ui/views/exchange_admin.py" line="290"/>
        <source>Đang lưu…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchange_admin.py" line="279"/>
        <source>Đã lưu kết nối.</source>
        <translation>Connection saved.</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchange_admin.py" line="287"/>
        <source>Hãy nhập mã định danh của đơn vị.</source>
        <translation>Enter the organisation&apos;s agency code.</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchange_admin.py" line="294"/>
        <source>Đã lưu mã định danh.</source>
        <translation>Agency code saved.</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchange_admin.py" line="316"/>
        <source>Gói đã vào hàng chờ gửi lại.</source>
        <translation>The package is queued to be sent again.</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchange_admin.py" line="323"/>
        <source>Đang gửi và nhận…</source>
        <translation>Sending and receiving…</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchange_admin.py" line="334"/>
        <source>Máy chủ đang gửi ở một tiến trình khác; các gói sẽ đi ngay sau đó.</source>
        <translation>Another server process is sending now; the packages go right after.</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchange_admin.py" line="337"/>
        <source>Đã gửi %1 gói, nhận %2 gói; lỗi %3.</source>
        <translation>Sent %1 packages, received %2; failed %3.</translation>
    </message>
</context>
<context>
    <name>ExchangeDialogs</name>
    <message>
        <location filename="../../ui/views/exchange_dialogs.py" line="84"/>
        <source>Đã nhận</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchange_dialogs.py" line="85"/>
        <source>Đã có từ trước</source>
        <translation>Already received</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchange_dialogs.py" line="86"/>
        <source>Bị từ chối</source>
        <translation>Refused</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchange_dialogs.py" line="87"/>
        <source>Không nhập được</source>
        <translation>Not imported</translation>
    </message>
</context>
<context>
    <name>ExchangePanel</name>
    <message>
        <location filename="../../ui/views/exchange_panel.py" line="106"/>
        <source>tệp không có chữ ký số</source>
        <translation>the file has no digital signature</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchange_panel.py" line="207"/>
        <source>Liên thông</source>
        <translation>Exchange</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchange_panel.py" line="213"/>
        <source>Nơi nhận ngoài hệ thống</source>
        <translation>Recipients outside this system</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchange_panel.py" line="232"/>
        <source>Nơi gửi</source>
        <translation>Sender</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchange_panel.py" line="234"/>
        <source>Mã định danh</source>
        <translation>Document identifier</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchange_panel.py" line="235"/>
        <source>Qua trục liên thông</source>
        <translation>Through the exchange axis</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchange_panel.py" line="235"/>
        <source>Nhập từ tệp</source>
        <translation>Imported from a file</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchange_panel.py" line="238"/>
        <source>Cách nhận</source>
        <translation>How it came</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchange_panel.py" line="247"/>
        <source>Chứng thư ký không thuộc gốc tin cậy: chưa xác thực được đơn vị đã ký.</source>
        <translation>The signing certificate does not chain to a trusted root: the signing agency is not verified.</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchange_panel.py" line="252"/>
        <source>Người ký: %1</source>
        <translation>Signed by: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchange_panel.py" line="255"/>
        <source>Chữ ký số của gói</source>
        <translation>Package signature</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchange_panel.py" line="259"/>
        <source>Chữ ký số trên tệp</source>
        <translation>Signatures on the files</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchange_panel.py" line="267"/>
        <source>Vấn đề của gói</source>
        <translation>Problems with the package</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchange_panel.py" line="272"/>
        <source>Tệp đính kèm</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchange_panel.py" line="285"/>
        <source>Lưu…</source>
        <translation>Save…</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchange_panel.py" line="287"/>
        <source>Lưu tệp đính kèm vào thư mục bạn chọn</source>
        <translation>Save the attachment to a folder you choose</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchange_panel.py" line="305"/>
        <source>Chọn thư mục lưu tệp đính kèm</source>
        <translation>Choose a folder for the attachment</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchange_panel.py" line="314"/>
        <source>Đang tải %1…</source>
        <translation>Downloading %1…</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchange_panel.py" line="321"/>
        <source>Đã lưu tệp đính kèm: %1</source>
        <translation>Attachment saved: %1</translation>
    </message>
</context>
<context>
    <name>ExchangeStatus</name>
    <message>
        <location filename="../../ui/labels.py" line="293"/>
        <source>Đã đến</source>
        <translation>Arrived</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="294"/>
        <source>Từ chối tiếp nhận</source>
        <translation>Refused</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="295"/>
        <source>Đã vào sổ</source>
        <translation>Registered</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="296"/>
        <source>Đã phân công xử lý</source>
        <translation>Assigned</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="297"/>
        <source>Đang xử lý</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="298"/>
        <source>Hoàn thành</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="299"/>
        <source>Đề nghị lấy lại</source>
        <translation>Take-back requested</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="300"/>
        <location filename="../../ui/labels.py" line="301"/>
        <source>Đồng ý lấy lại</source>
        <translation>Take-back agreed</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="302"/>
        <source>Từ chối lấy lại</source>
        <translation>Take-back declined</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../ui/views/exchange_dialogs.py" line="242"/>
        <source>Xuất gói edXML</source>
        <translation>Export an edXML package</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchange_dialogs.py" line="246"/>
        <source>Chọn…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchange_dialogs.py" line="255"/>
        <source>Không chọn nơi nhận: gói như đã gửi qua trục đến mọi nơi nhận ngoài hệ thống. Có chọn: máy chủ ghi nhận đã chuyển bằng tệp đến các nơi đó.</source>
        <translation>No recipient chosen: the package as it went through the axis to every recipient outside this system. With recipients: the server records it as carried to them by file.</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchange_dialogs.py" line="266"/>
        <source>Lưu vào</source>
        <translation>Save to</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchange_dialogs.py" line="267"/>
        <source>Nơi nhận (không bắt buộc)</source>
        <translation>Recipients (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchange_dialogs.py" line="272"/>
        <source>Xuất gói</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchange_dialogs.py" line="284"/>
        <source>Lưu gói edXML</source>
        <translation>Save the edXML package</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchange_dialogs.py" line="292"/>
        <source>Hãy chọn nơi lưu gói.</source>
        <translation>Choose where to save the package.</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchange_dialogs.py" line="296"/>
        <source>Không có thư mục %1.</source>
        <translation>There is no folder %1.</translation>
    </message>
</context>
<context>
    <name>FileListView</name>
    <message>
        <location filename="../../ui/views/file_list_view.py" line="139"/>
        <source>Dự thảo</source>
        <translation>Draft</translation>
    </message>
    <message>
        <location filename="../../ui/views/file_list_view.py" line="140"/>
        <source>Đã phê duyệt</source>
        <translation>Approved</translation>
    </message>
    <message>
        <location filename="../../ui/views/file_list_view.py" line="141"/>
        <source>Đã ban hành</source>
        <translation>Issued</translation>
    </message>
    <message>
        <location filename="../../ui/views/file_list_view.py" line="226"/>
        <source>Danh mục hồ sơ năm</source>
        <translation>File list of</translation>
    </message>
    <message>
        <location filename="../../ui/views/file_list_view.py" line="227"/>
        <source>Sao chép danh mục năm trước</source>
        <translation>Copy last year’s list</translation>
    </message>
    <message>
        <location filename="../../ui/views/file_list_view.py" line="228"/>
        <source>Tạo danh mục</source>
        <translation>Create the list</translation>
    </message>
    <message>
        <location filename="../../ui/views/file_list_view.py" line="231"/>
        <source>Số và ký hiệu</source>
        <translation>Number and symbol</translation>
    </message>
    <message>
        <location filename="../../ui/views/file_list_view.py" line="232"/>
        <source>Tên đề mục và tiêu đề hồ sơ</source>
        <translation>Heading and file title</translation>
    </message>
    <message>
        <location filename="../../ui/views/file_list_view.py" line="233"/>
        <source>Thời hạn bảo quản</source>
        <translation>Retention</translation>
    </message>
    <message>
        <location filename="../../ui/views/file_list_view.py" line="234"/>
        <source>Đơn vị, người lập hồ sơ</source>
        <translation>Unit or person keeping it</translation>
    </message>
    <message>
        <location filename="../../ui/views/file_list_view.py" line="235"/>
        <source>Ghi chú</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../ui/views/file_list_view.py" line="239"/>
        <source>Thêm đề mục…</source>
        <translation>Add heading…</translation>
    </message>
    <message>
        <location filename="../../ui/views/file_list_view.py" line="240"/>
        <source>Thêm hồ sơ…</source>
        <translation>Add file…</translation>
    </message>
    <message>
        <location filename="../../ui/views/file_list_view.py" line="241"/>
        <source>Xoá</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../ui/views/file_list_view.py" line="242"/>
        <source>Phê duyệt</source>
        <translation>Approve</translation>
    </message>
    <message>
        <location filename="../../ui/views/file_list_view.py" line="243"/>
        <source>Trả lại để sửa…</source>
        <translation>Send back for revision…</translation>
    </message>
    <message>
        <location filename="../../ui/views/file_list_view.py" line="244"/>
        <source>Ban hành</source>
        <translation>Issue</translation>
    </message>
    <message>
        <location filename="../../ui/views/file_list_view.py" line="248"/>
        <source>In (PDF)…</source>
        <translation>Print (PDF)…</translation>
    </message>
    <message>
        <location filename="../../ui/views/file_list_view.py" line="249"/>
        <source>Xuất Excel…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <location filename="../../ui/views/file_list_view.py" line="273"/>
        <source>Chưa có danh mục cho năm này.</source>
        <translation>No file list for this year yet.</translation>
    </message>
    <message>
        <location filename="../../ui/views/file_list_view.py" line="276"/>
        <source>%1 — %2 hồ sơ (%3 vĩnh viễn, %4 có thời hạn)</source>
        <translation>%1 — %2 files (%3 permanent, %4 for a period)</translation>
    </message>
    <message>
        <location filename="../../ui/views/file_list_view.py" line="340"/>
        <source>Đã tạo dự thảo danh mục</source>
        <translation>Draft list created</translation>
    </message>
    <message>
        <location filename="../../ui/views/file_list_view.py" line="358"/>
        <source>Đã thêm đề mục</source>
        <translation>Heading added</translation>
    </message>
    <message>
        <location filename="../../ui/views/file_list_view.py" line="373"/>
        <source>Đã thêm hồ sơ</source>
        <translation>File added</translation>
    </message>
    <message>
        <location filename="../../ui/views/file_list_view.py" line="385"/>
        <source>Đã xoá</source>
        <translation>Deleted</translation>
    </message>
    <message>
        <location filename="../../ui/views/file_list_view.py" line="392"/>
        <source>Đã phê duyệt danh mục</source>
        <translation>List approved</translation>
    </message>
    <message>
        <location filename="../../ui/views/file_list_view.py" line="394"/>
        <source>Đã ban hành danh mục</source>
        <translation>List issued</translation>
    </message>
    <message>
        <location filename="../../ui/views/file_list_view.py" line="403"/>
        <source>Trả lại để sửa</source>
        <translation>Send back for revision</translation>
    </message>
    <message>
        <location filename="../../ui/views/file_list_view.py" line="403"/>
        <source>Lý do trả lại danh mục để sửa:</source>
        <translation>Why the list goes back for revision:</translation>
    </message>
    <message>
        <location filename="../../ui/views/file_list_view.py" line="412"/>
        <source>Đã trả lại danh mục để sửa</source>
        <translation>List sent back for revision</translation>
    </message>
    <message>
        <location filename="../../ui/views/file_list_view.py" line="424"/>
        <source>Xuất danh mục hồ sơ</source>
        <translation>Export the file list</translation>
    </message>
    <message>
        <location filename="../../ui/views/file_list_view.py" line="426"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/views/file_list_view.py" line="426"/>
        <source>Bảng tính Excel (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/views/file_list_view.py" line="435"/>
        <source>Đã xuất vào %1</source>
        <translation>Exported to %1</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../ui/views/pdf_find.py" line="154"/>
        <source>Tìm trong văn bản…</source>
        <translation>Find in document…</translation>
    </message>
    <message>
        <location filename="../../ui/views/pdf_find.py" line="156"/>
        <source>Enter: kết quả sau · Shift+Enter: kết quả trước · Esc: đóng</source>
        <translation>Enter: next match · Shift+Enter: previous match · Esc: close</translation>
    </message>
    <message>
        <location filename="../../ui/views/pdf_find.py" line="171"/>
        <source>Kết quả trước (Shift+F3)</source>
        <translation>Previous match (Shift+F3)</translation>
    </message>
    <message>
        <location filename="../../ui/views/pdf_find.py" line="172"/>
        <source>Kết quả sau (F3)</source>
        <translation>Next match (F3)</translation>
    </message>
    <message>
        <location filename="../../ui/views/pdf_find.py" line="173"/>
        <source>Đóng thanh tìm (Esc)</source>
        <translation>Close the find bar (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/views/pdf_find.py" line="192"/>
        <source>Đang tìm…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <location filename="../../ui/views/pdf_find.py" line="200"/>
        <source>Không tìm thấy</source>
        <translation>Not found</translation>
    </message>
    <message>
        <location filename="../../ui/views/pdf_find.py" line="202"/>
        <source>Tệp không có lớp chữ (bản quét): không tìm được</source>
        <translation>The file has no text layer (a scan): nothing to search</translation>
    </message>
</context>
<context>
    <name>HandoverDialog</name>
    <message>
        <location filename="../../ui/views/account_dialogs.py" line="173"/>
        <source>Bàn giao hồ sơ</source>
        <translation>Hand over case files</translation>
    </message>
    <message>
        <location filename="../../ui/views/account_dialogs.py" line="187"/>
        <source>Mọi hồ sơ của %1 đang lập, đã kết thúc, bị trả lại hoặc đang chờ Lưu trữ tiếp nhận sẽ chuyển cho người nhận; hồ sơ đã nộp lưu ở lại Lưu trữ cơ quan. Việc bàn giao được ghi lại.</source>
        <translation>Every file of %1 that is open, closed, returned or awaiting the archive&apos;s check goes to the receiver; files already transferred stay with the agency archive. The hand-over is recorded.</translation>
    </message>
    <message>
        <location filename="../../ui/views/account_dialogs.py" line="196"/>
        <source>Người nhận</source>
        <translation>Receiver</translation>
    </message>
</context>
<context>
    <name>HeadingDialog</name>
    <message>
        <location filename="../../ui/views/file_list_view.py" line="52"/>
        <source>Thêm đề mục</source>
        <translation>Add a heading</translation>
    </message>
    <message>
        <location filename="../../ui/views/file_list_view.py" line="61"/>
        <source>(đề mục lớn)</source>
        <translation>(major heading)</translation>
    </message>
    <message>
        <location filename="../../ui/views/file_list_view.py" line="66"/>
        <source>Tên đề mục</source>
        <translation>Heading</translation>
    </message>
    <message>
        <location filename="../../ui/views/file_list_view.py" line="67"/>
        <source>Chữ viết tắt</source>
        <translation>Abbreviation</translation>
    </message>
    <message>
        <location filename="../../ui/views/file_list_view.py" line="68"/>
        <source>Thuộc đề mục</source>
        <translation>Under heading</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../ui/views/exchange_dialogs.py" line="107"/>
        <source>Nhập gói edXML</source>
        <translation>Import edXML packages</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchange_dialogs.py" line="108"/>
        <source>Đang nhập %1 gói…</source>
        <translation>Importing %1 packages…</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchange_dialogs.py" line="117"/>
        <source>Tệp</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchange_dialogs.py" line="117"/>
        <source>Kết quả</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchange_dialogs.py" line="117"/>
        <source>Nơi gửi</source>
        <translation>Sender</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchange_dialogs.py" line="117"/>
        <source>Chi tiết</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchange_dialogs.py" line="131"/>
        <source>Mở văn bản</source>
        <translation>Open document</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchange_dialogs.py" line="161"/>
        <source>Đang nhập gói %1/%2…</source>
        <translation>Importing package %1/%2…</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchange_dialogs.py" line="189"/>
        <source>Đã nhận %1/%2 gói. Chọn một dòng đã nhận rồi bấm «Mở văn bản».</source>
        <translation>Received %1 of %2 packages. Select a received row, then click “Open document”.</translation>
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
    <name>InspectDialog</name>
    <message>
        <location filename="../../ui/views/exchange_dialogs.py" line="333"/>
        <source>Kiểm tra gói edXML — %1</source>
        <translation>Check an edXML package — %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchange_dialogs.py" line="337"/>
        <source>Đang đọc gói…</source>
        <translation>Reading the package…</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchange_dialogs.py" line="361"/>
        <source>Vấn đề của gói</source>
        <translation>Problems with the package</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchange_dialogs.py" line="367"/>
        <source>Không thấy vấn đề nào.</source>
        <translation>No problem found.</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../ui/labels.py" line="61"/>
        <source>Phát hiện</source>
        <translation>Detected</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="62"/>
        <source>Chờ tải</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="63"/>
        <source>Đang chuyển đổi</source>
        <translation>Converting</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="64"/>
        <source>Đang tải lên</source>
        <translation>Uploading</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="65"/>
        <source>Đã tải lên</source>
        <translation>Uploaded</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="66"/>
        <source>Trùng</source>
        <translation>Duplicate</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="67"/>
        <source>Lỗi</source>
        <translation>Failed</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="75"/>
        <location filename="../../ui/labels.py" line="82"/>
        <source>Thường</source>
        <translation>Normal</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="76"/>
        <source>Khẩn</source>
        <translation>Urgent</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="77"/>
        <source>Thượng khẩn</source>
        <translation>Very urgent</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="78"/>
        <source>Hỏa tốc</source>
        <translation>Flash</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="79"/>
        <source>Hỏa tốc hẹn giờ</source>
        <translation>Flash, timed</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="83"/>
        <source>Mật</source>
        <translation>Confidential</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="84"/>
        <source>Tối mật</source>
        <translation>Secret</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="85"/>
        <source>Tuyệt mật</source>
        <translation>Top secret</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="91"/>
        <location filename="../../ui/labels.py" line="219"/>
        <source>Dự thảo</source>
        <translation>Draft</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="92"/>
        <location filename="../../ui/labels.py" line="220"/>
        <source>Chờ ký</source>
        <translation>Awaiting signature</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="93"/>
        <source>Đã ký</source>
        <translation>Signed</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="94"/>
        <source>Đã cấp số</source>
        <translation>Numbered</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="95"/>
        <source>Đã ban hành</source>
        <translation>Issued</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="96"/>
        <source>Đã đến</source>
        <translation>Arrived</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="97"/>
        <source>Đã tiếp nhận</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="98"/>
        <source>Đã giao xử lý</source>
        <translation>Assigned</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="99"/>
        <source>Đang xử lý</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="100"/>
        <location filename="../../ui/labels.py" line="166"/>
        <source>Hoàn thành</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="101"/>
        <source>Đã thu hồi</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="102"/>
        <source>Đã được thay thế</source>
        <translation>Replaced</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="103"/>
        <source>Từ chối tiếp nhận</source>
        <translation>Refused</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="139"/>
        <source>Văn thư</source>
        <translation>Clerk</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="140"/>
        <source>Lãnh đạo</source>
        <translation>Leader</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="141"/>
        <source>Chuyên viên</source>
        <translation>Specialist</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="142"/>
        <source>Lưu trữ</source>
        <translation>Archivist</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="143"/>
        <source>Quản trị đơn vị</source>
        <translation>Organisation admin</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="144"/>
        <source>Quản trị tỉnh</source>
        <translation>Province admin</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="156"/>
        <source>Tạo văn bản</source>
        <translation>Created</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="157"/>
        <source>Cấp số</source>
        <translation>Numbered</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="158"/>
        <source>Nhận từ đơn vị gửi</source>
        <translation>Received from the sender</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="159"/>
        <source>Vào sổ văn bản đến</source>
        <translation>Register incoming</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="160"/>
        <source>Trình lãnh đạo</source>
        <translation>Presented to a leader</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="161"/>
        <source>Chỉ đạo, giao xử lý</source>
        <translation>Directed and assigned</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="162"/>
        <source>Ý kiến xử lý</source>
        <translation>Processing note</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="163"/>
        <source>Xin gia hạn</source>
        <translation>Ask for more time</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="164"/>
        <source>Gia hạn</source>
        <translation>Extend the deadline</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="165"/>
        <source>Trả lại</source>
        <translation>Returned</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="167"/>
        <source>Mở lại</source>
        <translation>Reopened</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="168"/>
        <source>Thu hồi</source>
        <translation>Recalled</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="169"/>
        <source>Trình ký</source>
        <translation>Submitted for signature</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="170"/>
        <source>Trả lại dự thảo</source>
        <translation>Draft sent back</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="171"/>
        <source>Duyệt ký</source>
        <translation>Approved</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="172"/>
        <source>Phát hành</source>
        <translation>Issued</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="173"/>
        <source>Thu hồi văn bản</source>
        <translation>Withdraw the document</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="174"/>
        <source>Thay thế văn bản</source>
        <translation>Replaced by a new issue</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="175"/>
        <source>Đính chính</source>
        <translation>Correct</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="182"/>
        <source>Xử lý chính</source>
        <translation>Lead handler</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="183"/>
        <location filename="../../ui/labels.py" line="196"/>
        <source>Phối hợp</source>
        <translation>Co-handler</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="184"/>
        <source>Nhận để biết</source>
        <translation>For information</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="185"/>
        <source>đang xử lý</source>
        <translation>in progress</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="186"/>
        <source>đã xong</source>
        <translation>done</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="187"/>
        <source>đã trả lại</source>
        <translation>returned</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="188"/>
        <source>đã thu hồi</source>
        <translation>recalled</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="195"/>
        <source>Chủ trì</source>
        <translation>Lead</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="197"/>
        <source>Để biết</source>
        <translation>For information</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="214"/>
        <source>Chờ vào sổ</source>
        <translation>To register</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="215"/>
        <source>Chờ chỉ đạo</source>
        <translation>To direct</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="216"/>
        <source>Việc của tôi</source>
        <translation>My work</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="217"/>
        <source>Sắp đến hạn</source>
        <translation>Due soon</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="218"/>
        <source>Quá hạn</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="221"/>
        <source>Chờ phát hành</source>
        <translation>To issue</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="222"/>
        <source>Đã phát hành</source>
        <translation>Issued</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="223"/>
        <source>Bản quét chờ tải lên</source>
        <translation>Scans waiting to upload</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="224"/>
        <source>Tải lên lỗi</source>
        <translation>Failed uploads</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="242"/>
        <location filename="../../ui/labels.py" line="248"/>
        <source>Đăng nhập</source>
        <translation>Sign-in</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="243"/>
        <source>Truy cập văn bản</source>
        <translation>Document access</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="244"/>
        <source>Thay đổi</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="245"/>
        <source>Cấp quyền, giao việc</source>
        <translation>Grants and assignments</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="246"/>
        <source>Quản trị</source>
        <translation>Administration</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="249"/>
        <source>Đăng nhập sai</source>
        <translation>Failed sign-in</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="250"/>
        <source>Đăng xuất</source>
        <translation>Sign-out</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="251"/>
        <source>Xem</source>
        <translation>View</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="252"/>
        <source>Tải tệp</source>
        <translation>Download</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="253"/>
        <source>In</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="254"/>
        <source>Sửa thông tin</source>
        <translation>Edit details</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="255"/>
        <source>Thêm phiên bản</source>
        <translation>New version</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="256"/>
        <source>Xoá</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="257"/>
        <source>Chia sẻ</source>
        <translation>Share</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="258"/>
        <source>Chuyển đến nơi nhận</source>
        <translation>Delivered to recipient</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="259"/>
        <source>Hạ độ mật</source>
        <translation>Lower secrecy</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="260"/>
        <source>Thêm tài khoản</source>
        <translation>Add account</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="261"/>
        <source>Sửa tài khoản</source>
        <translation>Change account</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="262"/>
        <source>Đặt lại mật khẩu</source>
        <translation>Reset password</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="263"/>
        <source>Thêm đơn vị</source>
        <translation>Add organisation</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="264"/>
        <source>Thêm phòng ban</source>
        <translation>Add department</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="265"/>
        <source>Đổi tên phòng ban</source>
        <translation>Rename department</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="266"/>
        <source>Thêm chứng thư tin cậy</source>
        <translation>Add trusted certificate</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="267"/>
        <source>Bật chứng thư tin cậy</source>
        <translation>Enable trusted certificate</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="268"/>
        <source>Tắt chứng thư tin cậy</source>
        <translation>Disable trusted certificate</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="269"/>
        <source>Đặt kết nối liên thông</source>
        <translation>Set the exchange connection</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="270"/>
        <source>Đặt mã định danh đơn vị</source>
        <translation>Set the agency code</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="271"/>
        <source>Gửi lại gói liên thông</source>
        <translation>Send an exchange package again</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="272"/>
        <source>Nhập gói edXML</source>
        <translation>Import an edXML package</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="273"/>
        <source>Xuất gói edXML</source>
        <translation>Export an edXML package</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="303"/>
        <source>Chờ gửi</source>
        <translation>Waiting to send</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="304"/>
        <source>Đã gửi</source>
        <translation>Sent</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="305"/>
        <source>Gửi lỗi</source>
        <translation>Sending failed</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="306"/>
        <source>Đã xuất ra tệp</source>
        <translation>Exported to a file</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="307"/>
        <source>Chữ ký số của gói hợp lệ</source>
        <translation>The package&apos;s digital signature is valid</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="308"/>
        <source>Chữ ký số của gói không hợp lệ (gói bị sửa hoặc không kiểm tra được)</source>
        <translation>The package&apos;s digital signature is not valid (the package was changed, or it cannot be checked)</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="311"/>
        <source>Gói có khối chữ ký giả (không phải chữ ký thật)</source>
        <translation>The package has a fake signature block (not a real signature)</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="314"/>
        <source>Gói không ký số</source>
        <translation>The package is not digitally signed</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="315"/>
        <source>Chưa kiểm tra chữ ký số của gói (gói quá lớn)</source>
        <translation>The package&apos;s signature was not checked (the package is too large)</translation>
    </message>
</context>
<context>
    <name>ListColumns</name>
    <message>
        <location filename="../../ui/views/list_columns.py" line="100"/>
        <source>Khôi phục cột mặc định</source>
        <translation>Restore the default columns</translation>
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
        <location filename="../../ui/views/login.py" line="85"/>
        <source>Văn thư số</source>
        <translation>Văn thư số</translation>
    </message>
    <message>
        <location filename="../../ui/views/login.py" line="85"/>
        <source>Hệ thống quản lý văn bản và điều hành</source>
        <translation>Document management and executive system</translation>
    </message>
    <message>
        <location filename="../../ui/views/login.py" line="103"/>
        <source>Chọn chứng chỉ CA</source>
        <translation>Choose CA certificate</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/views/main_window.py" line="370"/>
        <location filename="../../ui/views/main_window.py" line="371"/>
        <source>Văn thư số</source>
        <translation>Văn thư số</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.py" line="423"/>
        <source>Văn bản đến</source>
        <translation>Incoming documents</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.py" line="424"/>
        <source>Văn bản đi</source>
        <translation>Outgoing documents</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.py" line="425"/>
        <location filename="../../ui/views/window_sync.py" line="231"/>
        <source>Tải lên</source>
        <translation>Uploads</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.py" line="427"/>
        <source>Tài khoản</source>
        <translation>Accounts</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.py" line="430"/>
        <source>Cài đặt</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.py" line="376"/>
        <location filename="../../ui/views/window_menus.py" line="122"/>
        <location filename="../../ui/views/window_sync.py" line="146"/>
        <source>Đồng bộ</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.py" line="376"/>
        <location filename="../../ui/views/window_sync.py" line="116"/>
        <source>Dừng đồng bộ</source>
        <translation>Stop sync</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.py" line="426"/>
        <source>Báo cáo, sổ</source>
        <translation>Reports, registers</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.py" line="428"/>
        <source>Nhật ký hệ thống</source>
        <translation>Audit trail</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.py" line="429"/>
        <source>Liên thông</source>
        <translation>Exchange</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.py" line="619"/>
        <location filename="../../ui/views/main_window.py" line="635"/>
        <source>Đăng xuất</source>
        <translation>Sign-out</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.py" line="620"/>
        <source>Thư mục theo dõi đang tải lên sẽ dừng. Vẫn đăng xuất?</source>
        <translation>The watched folder&apos;s uploads will stop. Sign out anyway?</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.py" line="626"/>
        <source>Đang đăng xuất…</source>
        <translation>Signing out…</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.py" line="637"/>
        <source>Máy chủ chưa xác nhận đăng xuất: phiên đăng nhập trên máy chủ còn hiệu lực đến khi hết hạn. Thông tin đăng nhập trên máy này đã được xoá.</source>
        <translation>The server did not confirm the sign-out: the session stays valid on the server until it expires. The sign-in saved on this computer has been removed.</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.py" line="687"/>
        <source>Không mở được văn bản: không còn trên máy chủ hoặc bạn không được xem.</source>
        <translation>The document cannot be opened: it is no longer on the server, or you may not see it.</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.py" line="750"/>
        <source>Bước «%1» không còn làm được trên văn bản này.</source>
        <translation>The step “%1” can no longer be taken on this document.</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.py" line="775"/>
        <source>Đã vào sổ: số đến %1</source>
        <translation>Registered: arrival number %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.py" line="781"/>
        <source>Ngoại tuyến — văn bản chờ gửi, sẽ vào sổ khi có mạng (Chờ vào sổ)</source>
        <translation>Offline — the document waits to be sent and registered (Waiting for registration)</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.py" line="807"/>
        <source>Vào sổ từng văn bản một: mở %1 trước. Nhiều bản quét: dùng thư mục theo dõi.</source>
        <translation>One document at a time: %1 first. For many scans use the watched folder.</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.py" line="827"/>
        <source>Đã tạo dự thảo: %1</source>
        <translation>Draft created: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.py" line="830"/>
        <source>Ngoại tuyến — dự thảo chờ gửi khi có mạng</source>
        <translation>Offline — the draft will be sent when the server is back</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.py" line="852"/>
        <source>Đã thực hiện: %1 văn bản; chờ gửi: %2; không thực hiện được: %3</source>
        <translation>Done: %1 documents; waiting to be sent: %2; refused: %3</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.py" line="861"/>
        <source>Ngoại tuyến — thao tác đã lưu, chờ gửi khi có mạng</source>
        <translation>Offline — the step is saved and will be sent when the network is back</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.py" line="865"/>
        <source>Đã thực hiện</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.py" line="867"/>
        <source>Văn bản %1 hiện ở trạng thái «%2».</source>
        <translation>Document %1 is now “%2”.</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.py" line="893"/>
        <source>Ngoại tuyến — hoàn tác chờ gửi khi có mạng</source>
        <translation>Offline — the undo waits to be sent when online</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.py" line="895"/>
        <source>Đã hoàn tác: %1</source>
        <translation>Undone: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/window_lists.py" line="74"/>
        <source>Lưu tìm kiếm</source>
        <translation>Save search</translation>
    </message>
    <message>
        <location filename="../../ui/views/window_lists.py" line="75"/>
        <source>Tên tìm kiếm (hiện ở cột bên trái, trên mọi máy bạn đăng nhập):</source>
        <translation>Name of the search (shown in the left column, on every computer you sign in to):</translation>
    </message>
    <message>
        <location filename="../../ui/views/window_lists.py" line="89"/>
        <source>Đã lưu tìm kiếm «%1»</source>
        <translation>Search “%1” saved</translation>
    </message>
    <message>
        <location filename="../../ui/views/window_lists.py" line="111"/>
        <source>Đổi tên…</source>
        <translation>Rename…</translation>
    </message>
    <message>
        <location filename="../../ui/views/window_lists.py" line="115"/>
        <location filename="../../ui/views/window_lists.py" line="145"/>
        <source>Xoá tìm kiếm đã lưu</source>
        <translation>Delete saved search</translation>
    </message>
    <message>
        <location filename="../../ui/views/window_lists.py" line="126"/>
        <source>Đổi tên tìm kiếm</source>
        <translation>Rename search</translation>
    </message>
    <message>
        <location filename="../../ui/views/window_lists.py" line="127"/>
        <source>Tên mới:</source>
        <translation>New name:</translation>
    </message>
    <message>
        <location filename="../../ui/views/window_lists.py" line="146"/>
        <source>Xoá «%1» khỏi mọi máy của bạn? Văn bản không bị ảnh hưởng.</source>
        <translation>Delete “%1” from all your computers? No document is affected.</translation>
    </message>
    <message>
        <location filename="../../ui/views/window_lists.py" line="165"/>
        <source>Hãy mở một danh sách văn bản để xuất.</source>
        <translation>Open a list of documents to export it.</translation>
    </message>
    <message>
        <location filename="../../ui/views/window_lists.py" line="171"/>
        <source>Xuất danh sách</source>
        <translation>Export the list</translation>
    </message>
    <message>
        <location filename="../../ui/views/window_lists.py" line="173"/>
        <source>Bảng tính Excel (*.xlsx);;Văn bản Word (*.docx);;PDF (*.pdf)</source>
        <translation>Excel workbook (*.xlsx);;Word document (*.docx);;PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/views/window_lists.py" line="203"/>
        <source>Đã xuất %1 văn bản vào %2</source>
        <translation>Exported %1 documents to %2</translation>
    </message>
    <message>
        <location filename="../../ui/views/window_lists.py" line="208"/>
        <source>danh sách dài hơn, hãy thu hẹp bằng bộ lọc</source>
        <translation>the list is longer; narrow it with the filters</translation>
    </message>
    <message>
        <location filename="../../ui/views/window_lists.py" line="223"/>
        <source>In</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../ui/views/window_lists.py" line="224"/>
        <source>Hãy chọn hoặc mở một văn bản để in.</source>
        <translation>Select or open a document to print.</translation>
    </message>
    <message>
        <location filename="../../ui/views/window_menus.py" line="110"/>
        <source>&amp;Tệp</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../ui/views/window_menus.py" line="111"/>
        <source>&amp;Văn bản</source>
        <translation>&amp;Document</translation>
    </message>
    <message>
        <location filename="../../ui/views/window_menus.py" line="112"/>
        <source>Tì&amp;m</source>
        <translation>&amp;Search</translation>
    </message>
    <message>
        <location filename="../../ui/views/window_menus.py" line="113"/>
        <source>&amp;Xem</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../ui/views/window_menus.py" line="114"/>
        <source>Trợ &amp;giúp</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../ui/views/window_menus.py" line="115"/>
        <source>Đi tới</source>
        <translation>Go to</translation>
    </message>
    <message>
        <location filename="../../ui/views/window_menus.py" line="117"/>
        <source>Vào sổ văn bản đến…</source>
        <translation>Register incoming document…</translation>
    </message>
    <message>
        <location filename="../../ui/views/window_menus.py" line="118"/>
        <source>Dự thảo mới…</source>
        <translation>New draft…</translation>
    </message>
    <message>
        <location filename="../../ui/views/window_menus.py" line="119"/>
        <source>Nhập gói edXML…</source>
        <translation>Import edXML packages…</translation>
    </message>
    <message>
        <location filename="../../ui/views/window_menus.py" line="120"/>
        <source>Xuất gói edXML…</source>
        <translation>Export an edXML package…</translation>
    </message>
    <message>
        <location filename="../../ui/views/window_menus.py" line="121"/>
        <source>Kiểm tra gói edXML…</source>
        <translation>Check an edXML package…</translation>
    </message>
    <message>
        <location filename="../../ui/views/window_menus.py" line="123"/>
        <source>Xuất danh sách (PDF, DOCX, XLSX)…</source>
        <translation>Export the list (PDF, DOCX, XLSX)…</translation>
    </message>
    <message>
        <location filename="../../ui/views/window_menus.py" line="126"/>
        <source>In…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../ui/views/window_menus.py" line="127"/>
        <source>Đăng xuất, đổi tài khoản…</source>
        <translation>Sign out, switch account…</translation>
    </message>
    <message>
        <location filename="../../ui/views/window_menus.py" line="128"/>
        <source>Thoát</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../ui/views/window_menus.py" line="129"/>
        <source>Mở văn bản</source>
        <translation>Open document</translation>
    </message>
    <message>
        <location filename="../../ui/views/window_menus.py" line="130"/>
        <source>Xử lý, chuyển bước…</source>
        <translation>Take a step…</translation>
    </message>
    <message>
        <location filename="../../ui/views/window_menus.py" line="131"/>
        <source>Ký số…</source>
        <translation>Sign…</translation>
    </message>
    <message>
        <location filename="../../ui/views/window_menus.py" line="132"/>
        <source>Đưa vào hồ sơ…</source>
        <translation>Add to case file…</translation>
    </message>
    <message>
        <location filename="../../ui/views/window_menus.py" line="133"/>
        <source>Văn bản trước</source>
        <translation>Previous document</translation>
    </message>
    <message>
        <location filename="../../ui/views/window_menus.py" line="134"/>
        <source>Văn bản sau</source>
        <translation>Next document</translation>
    </message>
    <message>
        <location filename="../../ui/views/window_menus.py" line="135"/>
        <source>Tìm…</source>
        <translation>Find…</translation>
    </message>
    <message>
        <location filename="../../ui/views/window_menus.py" line="136"/>
        <source>Tìm trong mọi văn bản</source>
        <translation>Search all documents</translation>
    </message>
    <message>
        <location filename="../../ui/views/window_menus.py" line="137"/>
        <source>Lưu tìm kiếm…</source>
        <translation>Save search…</translation>
    </message>
    <message>
        <location filename="../../ui/views/window_menus.py" line="138"/>
        <source>Quay lại</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../ui/views/window_menus.py" line="139"/>
        <source>Khung xem trước</source>
        <translation>Reading pane</translation>
    </message>
    <message>
        <location filename="../../ui/views/window_menus.py" line="140"/>
        <source>Chọn cột…</source>
        <translation>Choose columns…</translation>
    </message>
    <message>
        <location filename="../../ui/views/window_menus.py" line="141"/>
        <location filename="../../ui/views/window_menus.py" line="245"/>
        <source>Chú thích màu</source>
        <translation>Colour legend</translation>
    </message>
    <message>
        <location filename="../../ui/views/window_menus.py" line="142"/>
        <location filename="../../ui/views/window_menus.py" line="265"/>
        <source>Phím tắt</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../../ui/views/window_menus.py" line="143"/>
        <location filename="../../ui/views/window_menus.py" line="271"/>
        <source>Giới thiệu Văn thư số</source>
        <translation>About Văn thư số</translation>
    </message>
    <message>
        <location filename="../../ui/views/window_menus.py" line="162"/>
        <source>Chọn gói edXML để nhập</source>
        <translation>Choose the edXML packages to import</translation>
    </message>
    <message>
        <location filename="../../ui/views/window_menus.py" line="197"/>
        <source>Hãy chọn một văn bản đi đã cấp số hoặc đã ban hành để xuất gói edXML.</source>
        <translation>Select a numbered or issued outgoing document to export its edXML package.</translation>
    </message>
    <message>
        <location filename="../../ui/views/window_menus.py" line="215"/>
        <source>Đã xuất gói edXML: %1</source>
        <translation>edXML package exported: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/window_menus.py" line="226"/>
        <source>Chọn gói edXML để kiểm tra</source>
        <translation>Choose an edXML package to check</translation>
    </message>
    <message>
        <location filename="../../ui/views/window_menus.py" line="246"/>
        <source>Màu của mỗi dòng theo hạn của chính phần việc của bạn (nếu có), không thì theo hạn của văn bản:</source>
        <translation>Each row is coloured by the deadline of your own part (if you have one), otherwise by the document&apos;s deadline:</translation>
    </message>
    <message>
        <location filename="../../ui/views/window_menus.py" line="259"/>
        <source>Mở văn bản đang chọn</source>
        <translation>Open the selected document</translation>
    </message>
    <message>
        <location filename="../../ui/views/window_menus.py" line="260"/>
        <source>Quay lại từ văn bản</source>
        <translation>Back from a document</translation>
    </message>
    <message>
        <location filename="../../ui/views/window_menus.py" line="272"/>
        <source>Văn thư số — quản lý văn bản và điều hành, ký số theo Nghị định 30/2020/NĐ-CP.</source>
        <translation>Văn thư số — document management and digital signing under Decree 30/2020/NĐ-CP.</translation>
    </message>
    <message>
        <location filename="../../ui/views/window_sync.py" line="80"/>
        <source>Ký số</source>
        <translation>Sign</translation>
    </message>
    <message>
        <location filename="../../ui/views/window_sync.py" line="81"/>
        <source>Hãy chọn văn bản có tệp để ký.</source>
        <translation>Select documents that have a file to sign.</translation>
    </message>
    <message>
        <location filename="../../ui/views/window_sync.py" line="115"/>
        <source>Đang đồng bộ…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <location filename="../../ui/views/window_sync.py" line="137"/>
        <source>Đang đồng bộ… %1 thay đổi</source>
        <translation>Syncing… %1 changes</translation>
    </message>
    <message>
        <location filename="../../ui/views/window_sync.py" line="159"/>
        <source>… và %1 văn bản khẩn khác</source>
        <translation>… and %1 more urgent documents</translation>
    </message>
    <message>
        <location filename="../../ui/views/window_sync.py" line="164"/>
        <source>Đơn vị gửi đã thu hồi hoặc thay thế: %1 — %2</source>
        <translation>Withdrawn or replaced by the sender: %1 — %2</translation>
    </message>
    <message>
        <location filename="../../ui/views/window_sync.py" line="171"/>
        <source>%1 văn bản đến hạn giải quyết hôm nay</source>
        <translation>%1 documents due today</translation>
    </message>
    <message>
        <location filename="../../ui/views/window_sync.py" line="176"/>
        <source>Văn bản khẩn mới</source>
        <translation>New urgent documents</translation>
    </message>
    <message>
        <location filename="../../ui/views/window_sync.py" line="178"/>
        <source>Văn bản bị thu hồi</source>
        <translation>Document withdrawn</translation>
    </message>
    <message>
        <location filename="../../ui/views/window_sync.py" line="180"/>
        <source>Hạn giải quyết</source>
        <translation>Deadlines</translation>
    </message>
    <message>
        <location filename="../../ui/views/window_sync.py" line="194"/>
        <source>Xung đột phiên bản</source>
        <translation>Version conflict</translation>
    </message>
    <message>
        <location filename="../../ui/views/window_sync.py" line="202"/>
        <source>Trực tuyến — đồng bộ lúc %1 — %2 văn bản trên máy</source>
        <translation>Online — synced at %1 — %2 documents on this computer</translation>
    </message>
    <message>
        <location filename="../../ui/views/window_sync.py" line="209"/>
        <source>%1 thao tác xung đột, cần làm lại trên bản mới</source>
        <translation>%1 conflicting steps, to redo on the new version</translation>
    </message>
    <message>
        <location filename="../../ui/views/window_sync.py" line="220"/>
        <source>Ngoại tuyến — đang dùng dữ liệu trên máy</source>
        <translation>Offline — using local data</translation>
    </message>
    <message>
        <location filename="../../ui/views/window_records.py" line="58"/>
        <source>Hồ sơ</source>
        <translation>Case files</translation>
    </message>
    <message>
        <location filename="../../ui/views/window_records.py" line="59"/>
        <source>Hồ sơ đến hạn nộp lưu</source>
        <translation>Files due for transfer</translation>
    </message>
    <message>
        <location filename="../../ui/views/window_records.py" line="60"/>
        <source>Hồ sơ chờ tiếp nhận</source>
        <translation>Files awaiting acceptance</translation>
    </message>
    <message>
        <location filename="../../ui/views/window_records.py" line="117"/>
        <source>Hồ sơ sắp đến hạn nộp lưu</source>
        <translation>Case files due for transfer</translation>
    </message>
    <message>
        <location filename="../../ui/views/window_records.py" line="121"/>
        <source>… và %1 hồ sơ khác</source>
        <translation>… and %1 more files</translation>
    </message>
    <message>
        <location filename="../../ui/views/window_records.py" line="126"/>
        <source> và %1 hồ sơ khác</source>
        <translation> and %1 more files</translation>
    </message>
    <message>
        <location filename="../../ui/views/window_records.py" line="148"/>
        <source>Hãy chọn hoặc mở văn bản để đưa vào hồ sơ.</source>
        <translation>Select or open a document to add it to a case file.</translation>
    </message>
    <message>
        <location filename="../../ui/views/window_records.py" line="192"/>
        <source>Đã đưa %1 văn bản vào hồ sơ %2</source>
        <translation>%1 documents added to case file %2</translation>
    </message>
    <message>
        <location filename="../../ui/views/window_records.py" line="197"/>
        <source>ngoại tuyến, chờ gửi khi có mạng</source>
        <translation>offline, will be sent when online</translation>
    </message>
</context>
<context>
    <name>MoreFiltersDialog</name>
    <message>
        <location filename="../../ui/views/case_file_filters.py" line="52"/>
        <source>Lọc thêm</source>
        <translation>More filters</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_file_filters.py" line="56"/>
        <source>Mọi chế độ sử dụng</source>
        <translation>Any access rights</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_file_filters.py" line="61"/>
        <source>vi, en…</source>
        <translation>vi, en…</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_file_filters.py" line="64"/>
        <source>Tài liệu từ ngày</source>
        <translation>Documents from</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_file_filters.py" line="67"/>
        <source>Tài liệu đến ngày</source>
        <translation>Documents until</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_file_filters.py" line="70"/>
        <source>Chế độ sử dụng</source>
        <translation>Access rights</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_file_filters.py" line="71"/>
        <source>Ngôn ngữ</source>
        <translation>Language</translation>
    </message>
</context>
<context>
    <name>NewAccountDialog</name>
    <message>
        <location filename="../../ui/views/account_dialogs.py" line="115"/>
        <source>Thêm tài khoản</source>
        <translation>Add account</translation>
    </message>
    <message>
        <location filename="../../ui/views/account_dialogs.py" line="130"/>
        <source>Tên đăng nhập</source>
        <translation>Username</translation>
    </message>
    <message>
        <location filename="../../ui/views/account_dialogs.py" line="131"/>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../ui/views/account_dialogs.py" line="132"/>
        <source>Chức vụ</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../ui/views/account_dialogs.py" line="133"/>
        <source>Vai trò</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../ui/views/account_dialogs.py" line="134"/>
        <source>Phòng ban</source>
        <translation>Department</translation>
    </message>
    <message>
        <location filename="../../ui/views/account_dialogs.py" line="148"/>
        <source>Tên đăng nhập không được trống hay có dấu cách.</source>
        <translation>The username must not be empty or contain spaces.</translation>
    </message>
    <message>
        <location filename="../../ui/views/account_dialogs.py" line="150"/>
        <source>Cần nhập họ và tên.</source>
        <translation>Enter the full name.</translation>
    </message>
</context>
<context>
    <name>NewDepartmentDialog</name>
    <message>
        <location filename="../../ui/views/account_dialogs.py" line="63"/>
        <source>Thêm phòng ban</source>
        <translation>Add department</translation>
    </message>
    <message>
        <location filename="../../ui/views/account_dialogs.py" line="76"/>
        <source>Mã phòng ban</source>
        <translation>Department code</translation>
    </message>
    <message>
        <location filename="../../ui/views/account_dialogs.py" line="77"/>
        <source>Tên phòng ban</source>
        <translation>Department name</translation>
    </message>
    <message>
        <location filename="../../ui/views/account_dialogs.py" line="79"/>
        <source>Đơn vị</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../ui/views/account_dialogs.py" line="95"/>
        <source>Mã phòng ban không được trống hay có dấu cách.</source>
        <translation>The department code cannot be empty or contain spaces.</translation>
    </message>
    <message>
        <location filename="../../ui/views/account_dialogs.py" line="97"/>
        <source>Cần nhập tên phòng ban.</source>
        <translation>Enter the department&apos;s name.</translation>
    </message>
</context>
<context>
    <name>NewFileDialog</name>
    <message>
        <location filename="../../ui/views/case_file_dialogs.py" line="109"/>
        <source>Lập hồ sơ</source>
        <translation>Open a case file</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_file_dialogs.py" line="115"/>
        <source>Theo Danh mục hồ sơ</source>
        <translation>From the file list</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_file_dialogs.py" line="116"/>
        <source>Hồ sơ ngoài Danh mục</source>
        <translation>Not in the file list</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_file_dialogs.py" line="133"/>
        <source>Danh mục hồ sơ năm %1 (đã ban hành)</source>
        <translation>File list %1 (issued)</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_file_dialogs.py" line="135"/>
        <source>Chưa có Danh mục hồ sơ đã ban hành cho năm nay.</source>
        <translation>There is no issued file list for this year yet.</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_file_dialogs.py" line="148"/>
        <source>Tiêu đề hồ sơ</source>
        <translation>File title</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_file_dialogs.py" line="149"/>
        <source>Số và ký hiệu</source>
        <translation>Number and symbol</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_file_dialogs.py" line="150"/>
        <source>Thời hạn bảo quản</source>
        <translation>Retention</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_file_dialogs.py" line="161"/>
        <source>Ngày bắt đầu</source>
        <translation>Start date</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_file_dialogs.py" line="183"/>
        <source>Cần tiêu đề, số và ký hiệu, thời hạn bảo quản của hồ sơ.</source>
        <translation>The file needs a title, a number and symbol, and a retention period.</translation>
    </message>
</context>
<context>
    <name>PackageTables</name>
    <message>
        <location filename="../../ui/views/exchange_queue.py" line="78"/>
        <source>Gói gửi đi có vấn đề</source>
        <translation>Outgoing packages with a problem</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchange_queue.py" line="82"/>
        <source>Nơi nhận</source>
        <translation>Recipient</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchange_queue.py" line="83"/>
        <source>Gói</source>
        <translation>Package</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchange_queue.py" line="84"/>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchange_queue.py" line="85"/>
        <source>Lỗi</source>
        <translation>Error</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchange_queue.py" line="90"/>
        <source>Không có gói nào cần xử lý.</source>
        <translation>No package needs attention.</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchange_queue.py" line="99"/>
        <source>Gói nhận bị từ chối</source>
        <translation>Incoming packages refused</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchange_queue.py" line="103"/>
        <source>Nhận lúc</source>
        <translation>Received at</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchange_queue.py" line="104"/>
        <source>Nơi gửi</source>
        <translation>Sender</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchange_queue.py" line="105"/>
        <source>Mã định danh văn bản</source>
        <translation>Document identifier</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchange_queue.py" line="106"/>
        <source>Nguồn</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchange_queue.py" line="107"/>
        <source>Lý do</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchange_queue.py" line="110"/>
        <source>Không có gói nào bị từ chối.</source>
        <translation>No package was refused.</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchange_queue.py" line="124"/>
        <source>Trạng thái «%1»</source>
        <translation>Status “%1”</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchange_queue.py" line="128"/>
        <source>Văn bản</source>
        <translation>Document</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchange_queue.py" line="132"/>
        <source>Chờ gửi lại</source>
        <translation>Waiting to be sent again</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchange_queue.py" line="132"/>
        <source>Gửi lỗi</source>
        <translation>Sending failed</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchange_queue.py" line="133"/>
        <source> (%1 lần thử)</source>
        <translation> (%1 attempts)</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchange_queue.py" line="134"/>
        <source>Tạo lúc %1</source>
        <translation>Created %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchange_queue.py" line="143"/>
        <source>Gửi lại</source>
        <translation>Send again</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchange_queue.py" line="163"/>
        <source>Trục liên thông</source>
        <translation>Exchange axis</translation>
    </message>
    <message>
        <location filename="../../ui/views/exchange_queue.py" line="163"/>
        <source>Tệp</source>
        <translation>File</translation>
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
        <location filename="../../ui/views/pdf_view.py" line="81"/>
        <source>Trang trước</source>
        <translation>Previous page</translation>
    </message>
    <message>
        <location filename="../../ui/views/pdf_view.py" line="82"/>
        <source>Trang sau</source>
        <translation>Next page</translation>
    </message>
    <message>
        <location filename="../../ui/views/pdf_view.py" line="83"/>
        <source>Thu nhỏ</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <location filename="../../ui/views/pdf_view.py" line="84"/>
        <source>Phóng to</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <location filename="../../ui/views/pdf_view.py" line="85"/>
        <source>Vừa chiều rộng</source>
        <translation>Fit width</translation>
    </message>
    <message>
        <location filename="../../ui/views/pdf_view.py" line="111"/>
        <source>Mật khẩu mở tệp</source>
        <translation>Open password</translation>
    </message>
    <message>
        <location filename="../../ui/views/pdf_view.py" line="114"/>
        <source>Mở tệp</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../ui/views/pdf_view.py" line="176"/>
        <source>Không hiển thị được tệp này.</source>
        <translation>This file cannot be shown.</translation>
    </message>
    <message>
        <location filename="../../ui/views/pdf_view.py" line="179"/>
        <source>Mật khẩu không đúng. Hãy nhập lại mật khẩu mở tệp.</source>
        <translation>Wrong password. Enter the open password again.</translation>
    </message>
    <message>
        <location filename="../../ui/views/pdf_view.py" line="350"/>
        <source>Tìm…</source>
        <translation>Find…</translation>
    </message>
    <message>
        <location filename="../../ui/views/pdf_view.py" line="352"/>
        <source>Tìm trong văn bản (Ctrl+F)</source>
        <translation>Find in the document (Ctrl+F)</translation>
    </message>
</context>
<context>
    <name>PickFileDialog</name>
    <message>
        <location filename="../../ui/views/case_file_dialogs.py" line="358"/>
        <source>Đưa vào hồ sơ</source>
        <translation>Add to case file</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_file_dialogs.py" line="362"/>
        <source>Đưa %1 văn bản vào hồ sơ đang mở của bạn:</source>
        <translation>Add %1 documents to one of your open files:</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_file_dialogs.py" line="364"/>
        <source>Bạn chưa có hồ sơ nào đang mở. Hãy lập hồ sơ ở trang Hồ sơ.</source>
        <translation>You have no open case file. Open one on the Case files page.</translation>
    </message>
</context>
<context>
    <name>PlannedDialog</name>
    <message>
        <location filename="../../ui/views/file_list_view.py" line="89"/>
        <source>Thêm hồ sơ vào Danh mục</source>
        <translation>Add a file to the list</translation>
    </message>
    <message>
        <location filename="../../ui/views/file_list_view.py" line="110"/>
        <source>Đề mục</source>
        <translation>Heading</translation>
    </message>
    <message>
        <location filename="../../ui/views/file_list_view.py" line="111"/>
        <source>Số và ký hiệu</source>
        <translation>Number and symbol</translation>
    </message>
    <message>
        <location filename="../../ui/views/file_list_view.py" line="112"/>
        <source>Tiêu đề hồ sơ</source>
        <translation>File title</translation>
    </message>
    <message>
        <location filename="../../ui/views/file_list_view.py" line="113"/>
        <source>Thời hạn bảo quản</source>
        <translation>Retention</translation>
    </message>
    <message>
        <location filename="../../ui/views/file_list_view.py" line="114"/>
        <source>Đơn vị, người lập hồ sơ</source>
        <translation>Unit or person keeping it</translation>
    </message>
    <message>
        <location filename="../../ui/views/file_list_view.py" line="115"/>
        <source>Ghi chú</source>
        <translation>Notes</translation>
    </message>
</context>
<context>
    <name>ReadingPane</name>
    <message>
        <location filename="../../ui/views/reading_pane.py" line="122"/>
        <source>Mở</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../ui/views/reading_pane.py" line="123"/>
        <source>Mở văn bản (Enter)</source>
        <translation>Open the document (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/views/reading_pane.py" line="124"/>
        <source>Chọn một văn bản trong danh sách để xem trước.</source>
        <translation>Select a document in the list to preview it.</translation>
    </message>
    <message>
        <location filename="../../ui/views/reading_pane.py" line="150"/>
        <source>(chưa có số)</source>
        <translation>(no number yet)</translation>
    </message>
    <message>
        <location filename="../../ui/views/reading_pane.py" line="197"/>
        <source>Cơ quan:</source>
        <translation>Organ:</translation>
    </message>
    <message>
        <location filename="../../ui/views/reading_pane.py" line="199"/>
        <source>Ngày:</source>
        <translation>Date:</translation>
    </message>
    <message>
        <location filename="../../ui/views/reading_pane.py" line="203"/>
        <source>Trạng thái:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <location filename="../../ui/views/reading_pane.py" line="206"/>
        <source>Độ khẩn:</source>
        <translation>Urgency:</translation>
    </message>
    <message>
        <location filename="../../ui/views/reading_pane.py" line="208"/>
        <source>Độ mật:</source>
        <translation>Secrecy:</translation>
    </message>
    <message>
        <location filename="../../ui/views/reading_pane.py" line="210"/>
        <source>Phần việc:</source>
        <translation>My part:</translation>
    </message>
    <message>
        <location filename="../../ui/views/reading_pane.py" line="212"/>
        <source>Hạn của tôi:</source>
        <translation>My deadline:</translation>
    </message>
    <message>
        <location filename="../../ui/views/reading_pane.py" line="214"/>
        <source>Hạn văn bản:</source>
        <translation>Document deadline:</translation>
    </message>
    <message>
        <location filename="../../ui/views/reading_pane.py" line="223"/>
        <source>qua trục</source>
        <translation>through the axis</translation>
    </message>
    <message>
        <location filename="../../ui/views/reading_pane.py" line="223"/>
        <source>từ tệp</source>
        <translation>from a file</translation>
    </message>
    <message>
        <location filename="../../ui/views/reading_pane.py" line="224"/>
        <source>Liên thông:</source>
        <translation>Exchange:</translation>
    </message>
    <message>
        <location filename="../../ui/views/reading_pane.py" line="227"/>
        <source>Chữ ký gói:</source>
        <translation>Package signature:</translation>
    </message>
    <message>
        <location filename="../../ui/views/reading_pane.py" line="240"/>
        <source>; và %1 nơi khác</source>
        <translation>; and %1 more</translation>
    </message>
    <message>
        <location filename="../../ui/views/reading_pane.py" line="244"/>
        <source>Ngoài hệ thống:</source>
        <translation>Outside this system:</translation>
    </message>
    <message>
        <location filename="../../ui/views/reading_pane.py" line="249"/>
        <source>Văn bản chưa có tệp.</source>
        <translation>The document has no file yet.</translation>
    </message>
    <message>
        <location filename="../../ui/views/reading_pane.py" line="252"/>
        <source>Văn bản mật: mở văn bản để xem tệp.</source>
        <translation>Secret document: open it to see the file.</translation>
    </message>
    <message>
        <location filename="../../ui/views/reading_pane.py" line="257"/>
        <source>Đang tải trang đầu…</source>
        <translation>Loading the first page…</translation>
    </message>
    <message>
        <location filename="../../ui/views/reading_pane.py" line="275"/>
        <location filename="../../ui/views/reading_pane.py" line="283"/>
        <source>Không xem trước được tệp này: hãy mở văn bản.</source>
        <translation>This file cannot be previewed: open the document.</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <location filename="../../ui/views/case_file_dialogs.py" line="300"/>
        <source>Giữ lại đến ngày</source>
        <translation>Keep until</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_file_dialogs.py" line="308"/>
        <source>Hãy nêu lý do.</source>
        <translation>Please give a reason.</translation>
    </message>
</context>
<context>
    <name>ReportsView</name>
    <message>
        <location filename="../../ui/views/reports_view.py" line="105"/>
        <source>Sổ đăng ký văn bản đến</source>
        <translation>Incoming register</translation>
    </message>
    <message>
        <location filename="../../ui/views/reports_view.py" line="106"/>
        <source>Sổ đăng ký văn bản đi</source>
        <translation>Outgoing register</translation>
    </message>
    <message>
        <location filename="../../ui/views/reports_view.py" line="107"/>
        <source>Tình hình xử lý theo phòng ban</source>
        <translation>Processing by department</translation>
    </message>
    <message>
        <location filename="../../ui/views/reports_view.py" line="112"/>
        <source>Từ ngày</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../ui/views/reports_view.py" line="113"/>
        <source>đến ngày</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../ui/views/reports_view.py" line="114"/>
        <source>Xem</source>
        <translation>Show</translation>
    </message>
    <message>
        <location filename="../../ui/views/reports_view.py" line="115"/>
        <source>Lưu PDF…</source>
        <translation>Save PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/views/reports_view.py" line="116"/>
        <source>Lưu Excel…</source>
        <translation>Save Excel…</translation>
    </message>
    <message>
        <location filename="../../ui/views/reports_view.py" line="128"/>
        <source>Đang lập báo cáo…</source>
        <translation>Preparing the report…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/reports_view.py" line="168"/>
        <source>%n dòng</source>
        <translation>
            <numerusform>%n row</numerusform>
            <numerusform>%n rows</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/views/reports_view.py" line="183"/>
        <source>Tệp PDF (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/views/reports_view.py" line="183"/>
        <source>Bảng tính Excel (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/views/reports_view.py" line="186"/>
        <source>Lưu báo cáo</source>
        <translation>Save the report</translation>
    </message>
    <message>
        <location filename="../../ui/views/reports_view.py" line="195"/>
        <source>Đang lưu…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../ui/views/reports_view.py" line="201"/>
        <source>Đã lưu: %1</source>
        <translation>Saved: %1</translation>
    </message>
</context>
<context>
    <name>RightsDialog</name>
    <message>
        <location filename="../../ui/views/case_file_dialogs.py" line="323"/>
        <source>Chế độ sử dụng hồ sơ</source>
        <translation>Access rights of the case file</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_file_dialogs.py" line="331"/>
        <source>Hạn chế: chỉ người lập, lãnh đạo, Lưu trữ cơ quan và người được chỉ định đọc được. Rộng rãi: mọi người trong đơn vị. Văn bản mật vẫn chỉ người có quyền mới đọc được.</source>
        <translation>Restricted: only its creator, the leaders, the agency archive and the readers named on it. Open: everyone of the organisation. A secret document is still read only by those allowed to.</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_file_dialogs.py" line="338"/>
        <source>Chế độ sử dụng</source>
        <translation>Access rights</translation>
    </message>
</context>
<context>
    <name>SettingsView</name>
    <message>
        <location filename="../../ui/views/settings_view.py" line="238"/>
        <source>Ngôn ngữ</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="255"/>
        <source>Dung lượng tệp lưu trên máy</source>
        <translation>Local file cache size</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="248"/>
        <source>Máy chủ</source>
        <translation>Server</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="229"/>
        <source>Cài đặt</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="231"/>
        <source>Cá nhân</source>
        <translation>Personal</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="232"/>
        <source>Máy này</source>
        <translation>This computer</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="233"/>
        <source>Quản trị</source>
        <translation>Administration</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="235"/>
        <source>Thiết lập của riêng bạn: ngôn ngữ hiển thị và cách bạn ký số.</source>
        <translation>Your own settings: the display language and how you sign.</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="237"/>
        <source>Giao diện</source>
        <translation>Appearance</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="239"/>
        <source>Ký số</source>
        <translation>Signing</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="240"/>
        <source>Cấu hình ký số</source>
        <translation>Signing profile</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="243"/>
        <source>Thiết lập của máy tính này: máy chủ, thư mục nhận bản quét, cách tải bản quét lên và bộ nhớ trên máy.</source>
        <translation>Settings of this computer: the server, the scan folder, how scans are uploaded and local storage.</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="247"/>
        <source>Kết nối</source>
        <translation>Connection</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="249"/>
        <source>Đổi máy chủ: đăng xuất rồi đăng nhập lại.</source>
        <translation>To change server: sign out and sign in again.</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="250"/>
        <source>Thư mục theo dõi (tải lên bản quét)</source>
        <translation>Watched folder (scan uploads)</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="251"/>
        <source>Thư mục</source>
        <translation>Folder</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="252"/>
        <source>Thư mục máy quét lưu bản quét vào</source>
        <translation>The folder the scanner saves scans to</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="253"/>
        <source>Chọn…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="254"/>
        <source>Lưu trên máy</source>
        <translation>Local storage</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="258"/>
        <source>Chứng thư gốc mà phần mềm tin cậy khi kiểm tra chữ ký số. Thêm, tắt hoặc thay chứng thư có hiệu lực ngay.</source>
        <translation>The root certificates the software trusts when checking signatures. Adding, disabling or replacing a certificate takes effect at once.</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="263"/>
        <source>Chứng thư gốc mà phần mềm tin cậy khi kiểm tra chữ ký số. Chỉ quản trị viên được thay đổi danh sách; bạn có thể xem và so dấu vân tay.</source>
        <translation>The root certificates the software trusts when checking signatures. Only administrators may change the list; you can view it and compare fingerprints.</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="267"/>
        <source>Chứng thư gốc tin cậy</source>
        <translation>Trusted root certificates</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="269"/>
        <source>Khôi phục mặc định</source>
        <translation>Restore defaults</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="272"/>
        <source>Đưa các lựa chọn trên thẻ này về mặc định (đường dẫn tệp, thư mục giữ nguyên). Bấm Áp dụng để lưu.</source>
        <translation>Set the choices on this tab back to their defaults (file paths and folders are kept). Click Apply to save.</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="276"/>
        <source>Huỷ bỏ thay đổi</source>
        <translation>Discard changes</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="277"/>
        <source>Áp dụng</source>
        <translation>Apply</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="353"/>
        <location filename="../../ui/views/settings_view.py" line="354"/>
        <source>Có thay đổi chưa áp dụng.</source>
        <translation>There are changes not applied yet.</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="372"/>
        <source>Đã lưu các thay đổi.</source>
        <translation>Changes saved.</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="379"/>
        <source>Đã huỷ các thay đổi chưa áp dụng.</source>
        <translation>Unapplied changes discarded.</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="413"/>
        <source>Chọn thư mục nhận bản quét</source>
        <translation>Choose the scan folder</translation>
    </message>
</context>
<context>
    <name>SignDialog</name>
    <message numerus="yes">
        <location filename="../../ui/views/sign_dialog.py" line="172"/>
        <source>Ký số %n văn bản</source>
        <translation>
            <numerusform>Sign %n document(s)</numerusform>
            <numerusform>Sign %n document(s)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/views/sign_dialog.py" line="221"/>
        <source>Ký phê duyệt</source>
        <translation>Approve (leader signature)</translation>
    </message>
    <message>
        <location filename="../../ui/views/sign_dialog.py" line="222"/>
        <source>Đóng dấu phát hành</source>
        <translation>Issue (organisation seal)</translation>
    </message>
    <message>
        <location filename="../../ui/views/sign_dialog.py" line="223"/>
        <source>Ký phụ lục</source>
        <translation>Sign attachment</translation>
    </message>
    <message>
        <location filename="../../ui/views/sign_dialog.py" line="224"/>
        <source>Ký bản sao điện tử</source>
        <translation>Sign electronic copy</translation>
    </message>
    <message>
        <location filename="../../ui/views/sign_dialog.py" line="239"/>
        <source>Ký</source>
        <translation>Sign</translation>
    </message>
    <message>
        <location filename="../../ui/views/sign_dialog.py" line="243"/>
        <source>Huỷ</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/views/sign_dialog.py" line="245"/>
        <source>Tải lại bản mới nhất</source>
        <translation>Reload the newest version</translation>
    </message>
    <message>
        <location filename="../../ui/views/sign_dialog.py" line="249"/>
        <source>Sửa tệp hỏng và ký bản sửa</source>
        <translation>Repair damaged files and sign the copies</translation>
    </message>
    <message>
        <location filename="../../ui/views/sign_dialog.py" line="253"/>
        <source>Ghi lại một lần các tệp PDF hỏng cấu trúc (chưa có chữ ký) rồi ký bản đã sửa; lý do ký ghi rõ đây là bản sửa.</source>
        <translation>Rewrite structurally damaged (unsigned) PDFs once and sign the repaired copies; the signing reason says it is a repaired copy.</translation>
    </message>
    <message>
        <location filename="../../ui/views/sign_dialog.py" line="270"/>
        <source>Thư viện token</source>
        <translation>Token library</translation>
    </message>
    <message>
        <location filename="../../ui/views/sign_dialog.py" line="271"/>
        <source>Chứng thư số</source>
        <translation>Certificate</translation>
    </message>
    <message>
        <location filename="../../ui/views/sign_dialog.py" line="272"/>
        <source>Mã PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../ui/views/sign_dialog.py" line="269"/>
        <source>Cách ký</source>
        <translation>Signing mode</translation>
    </message>
    <message>
        <location filename="../../ui/views/sign_dialog.py" line="268"/>
        <source>Văn bản</source>
        <translation>Document</translation>
    </message>
    <message>
        <location filename="../../ui/views/sign_dialog.py" line="273"/>
        <source>Mật khẩu tệp PDF</source>
        <translation>PDF password</translation>
    </message>
    <message>
        <location filename="../../ui/views/sign_dialog.py" line="274"/>
        <source>Kết quả</source>
        <translation>Results</translation>
    </message>
    <message>
        <location filename="../../ui/views/sign_dialog.py" line="291"/>
        <source>Vị trí chữ ký (kéo khung để di chuyển)</source>
        <translation>Signature position (drag the box to move it)</translation>
    </message>
    <message>
        <location filename="../../ui/views/sign_dialog.py" line="312"/>
        <source>(chưa có số)</source>
        <translation>(no number yet)</translation>
    </message>
    <message>
        <location filename="../../ui/views/sign_dialog.py" line="368"/>
        <source>CẢNH BÁO: chỉ còn MỘT lần nhập PIN trước khi token bị khoá.</source>
        <translation>WARNING: ONE PIN try left before the token locks.</translation>
    </message>
    <message>
        <location filename="../../ui/views/sign_dialog.py" line="370"/>
        <source>Còn ít lượt thử mã PIN: hãy nhập thật cẩn thận.</source>
        <translation>Few PIN tries left: type it carefully.</translation>
    </message>
    <message>
        <location filename="../../ui/views/sign_dialog.py" line="374"/>
        <source>Nhập PIN trên bàn phím của token khi bấm Ký</source>
        <translation>Enter the PIN on the token&apos;s keypad after pressing Sign</translation>
    </message>
    <message>
        <location filename="../../ui/views/sign_dialog.py" line="423"/>
        <source>Chưa chọn chứng thư số.</source>
        <translation>No certificate chosen.</translation>
    </message>
    <message>
        <location filename="../../ui/views/sign_dialog.py" line="431"/>
        <source>Hãy nhập mã PIN của token.</source>
        <translation>Enter the token&apos;s PIN.</translation>
    </message>
    <message>
        <location filename="../../ui/views/sign_dialog.py" line="481"/>
        <source> — bấm Tải lại để lấy bản mới nhất</source>
        <translation> — press Reload to get the latest version</translation>
    </message>
    <message>
        <location filename="../../ui/views/sign_dialog.py" line="492"/>
        <location filename="../../ui/views/sign_dialog.py" line="496"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/sign_dialog.py" line="526"/>
        <source>Nhập mật khẩu mở tệp và mã PIN rồi bấm Ký để ký %n tệp có mật khẩu.</source>
        <translation>
            <numerusform>Enter the open password and the PIN, then press Sign to sign %n password-protected file.</numerusform>
            <numerusform>Enter the open password and the PIN, then press Sign to sign %n password-protected files.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/sign_dialog.py" line="537"/>
        <source>Nhập mã PIN rồi bấm Ký để ký bản sửa của %n tệp.</source>
        <translation>
            <numerusform>Enter the PIN, then press Sign to sign the repaired copy of %n file.</numerusform>
            <numerusform>Enter the PIN, then press Sign to sign the repaired copies of %n files.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/views/sign_dialog.py" line="564"/>
        <source>Sai mã PIN. Hãy nhập lại.</source>
        <translation>Wrong PIN. Please try again.</translation>
    </message>
    <message>
        <location filename="../../ui/views/sign_dialog.py" line="566"/>
        <source>Sai mã PIN. Còn ít lượt thử — lần sai tiếp theo có thể khoá thiết bị ký.</source>
        <translation>Wrong PIN. Few tries left — the next wrong PIN may lock the signing device.</translation>
    </message>
    <message>
        <location filename="../../ui/views/sign_dialog.py" line="569"/>
        <source>Sai mã PIN. Lần thử cuối cùng: nhập sai thêm một lần, thiết bị ký sẽ bị khoá.</source>
        <translation>Wrong PIN. Last try: one more wrong PIN locks the signing device.</translation>
    </message>
    <message>
        <location filename="../../ui/views/sign_dialog.py" line="572"/>
        <source>Sai mã PIN quá số lần cho phép: thiết bị ký đã bị khoá. Liên hệ đơn vị cấp chứng thư số để mở khoá.</source>
        <translation>Too many wrong PINs: the signing device is locked. Contact your certificate provider to unlock it.</translation>
    </message>
</context>
<context>
    <name>SignatureCard</name>
    <message>
        <location filename="../../ui/views/signature_panel.py" line="175"/>
        <source>Chữ ký %1</source>
        <translation>Signature %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/signature_panel.py" line="180"/>
        <source>(không rõ người ký)</source>
        <translation>(unknown signer)</translation>
    </message>
    <message>
        <location filename="../../ui/views/signature_panel.py" line="197"/>
        <source>Chứng thư…</source>
        <translation>Certificate…</translation>
    </message>
    <message>
        <location filename="../../ui/views/signature_panel.py" line="200"/>
        <source>Chi tiết…</source>
        <translation>Details…</translation>
    </message>
    <message>
        <location filename="../../ui/views/signature_panel.py" line="206"/>
        <source>Xem trên trang %1</source>
        <translation>Show on page %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/signature_panel.py" line="239"/>
        <source>Cách ký</source>
        <translation>Signing mode</translation>
    </message>
    <message>
        <location filename="../../ui/views/signature_panel.py" line="242"/>
        <source>Thời điểm ký</source>
        <translation>Signing time</translation>
    </message>
    <message>
        <location filename="../../ui/views/signature_panel.py" line="244"/>
        <source>Không có — thời điểm ký do máy người ký tự ghi</source>
        <translation>None — the signing time is the signer&apos;s own clock</translation>
    </message>
    <message>
        <location filename="../../ui/views/signature_panel.py" line="246"/>
        <source>Dấu thời gian</source>
        <translation>Time-stamp</translation>
    </message>
    <message>
        <location filename="../../ui/views/signature_panel.py" line="248"/>
        <location filename="../../ui/views/signature_panel.py" line="251"/>
        <location filename="../../ui/views/signature_panel.py" line="254"/>
        <location filename="../../ui/views/signature_panel.py" line="257"/>
        <source>Tin cậy</source>
        <translation>Trusted</translation>
    </message>
    <message>
        <location filename="../../ui/views/signature_panel.py" line="248"/>
        <source>Không xét: nội dung đã bị sửa</source>
        <translation>Not assessed: the content was changed</translation>
    </message>
    <message>
        <location filename="../../ui/views/signature_panel.py" line="250"/>
        <source>%1 (chứng thư gốc riêng của cấu hình ký số, ngoài danh sách chung)</source>
        <translation>%1 (a root only this signing profile trusts, not in the shared list)</translation>
    </message>
    <message>
        <location filename="../../ui/views/signature_panel.py" line="253"/>
        <source>%1 (hạ tầng %2)</source>
        <translation>%1 (%2 PKI)</translation>
    </message>
    <message>
        <location filename="../../ui/views/signature_panel.py" line="260"/>
        <source>có thêm chữ ký khác hoặc điền biểu mẫu — được phép</source>
        <translation>later signatures or form filling — permitted</translation>
    </message>
    <message>
        <location filename="../../ui/views/signature_panel.py" line="262"/>
        <source>có thêm chú thích (như số, ngày ghi khi đóng dấu) — được phép</source>
        <translation>annotations added (such as the number and date written when sealing) — permitted</translation>
    </message>
    <message>
        <location filename="../../ui/views/signature_panel.py" line="264"/>
        <source>có phần được thêm vào tài liệu sau chữ ký này</source>
        <translation>content was appended after this signature</translation>
    </message>
    <message>
        <location filename="../../ui/views/signature_panel.py" line="265"/>
        <source>Sau khi ký</source>
        <translation>After signing</translation>
    </message>
</context>
<context>
    <name>SignaturePanel</name>
    <message>
        <location filename="../../ui/views/signature_panel.py" line="54"/>
        <source>✔ Hợp lệ</source>
        <translation>✔ Valid</translation>
    </message>
    <message>
        <location filename="../../ui/views/signature_panel.py" line="55"/>
        <source>✔ Hợp lệ — có thay đổi được phép</source>
        <translation>✔ Valid — with permitted changes</translation>
    </message>
    <message>
        <location filename="../../ui/views/signature_panel.py" line="58"/>
        <source>⚠ Chưa tin cậy</source>
        <translation>⚠ Not trusted</translation>
    </message>
    <message>
        <location filename="../../ui/views/signature_panel.py" line="59"/>
        <source>✘ Không hợp lệ</source>
        <translation>✘ Invalid</translation>
    </message>
    <message>
        <location filename="../../ui/views/signature_panel.py" line="65"/>
        <source>Dấu thời gian tài liệu (lưu trữ dài hạn)</source>
        <translation>Document time-stamp (long-term archive)</translation>
    </message>
    <message>
        <location filename="../../ui/views/signature_panel.py" line="69"/>
        <source>Không rõ (chữ ký của phần mềm khác)</source>
        <translation>Unknown (signed by other software)</translation>
    </message>
    <message>
        <location filename="../../ui/views/signature_panel.py" line="71"/>
        <source>Ký phê duyệt</source>
        <translation>Approval signature</translation>
    </message>
    <message>
        <location filename="../../ui/views/signature_panel.py" line="72"/>
        <source>Đóng dấu phát hành (chữ ký số của cơ quan)</source>
        <translation>Issuing seal (the organisation&apos;s signature)</translation>
    </message>
    <message>
        <location filename="../../ui/views/signature_panel.py" line="75"/>
        <source>Ký phụ lục</source>
        <translation>Attachment signature</translation>
    </message>
    <message>
        <location filename="../../ui/views/signature_panel.py" line="76"/>
        <source>Ký bản sao điện tử</source>
        <translation>Electronic copy signature</translation>
    </message>
    <message>
        <location filename="../../ui/views/signature_panel.py" line="82"/>
        <source>chuyên dùng Chính phủ</source>
        <translation>government (chuyên dùng)</translation>
    </message>
    <message>
        <location filename="../../ui/views/signature_panel.py" line="83"/>
        <source>công cộng</source>
        <translation>public</translation>
    </message>
    <message>
        <location filename="../../ui/views/signature_panel.py" line="84"/>
        <source>khác (do quản trị viên thêm)</source>
        <translation>other (added by an administrator)</translation>
    </message>
    <message>
        <location filename="../../ui/views/signature_panel.py" line="110"/>
        <source>Không đọc được chứng thư trong chữ ký này.</source>
        <translation>The certificates in this signature cannot be read.</translation>
    </message>
    <message>
        <location filename="../../ui/views/signature_panel.py" line="117"/>
        <source>Người ký</source>
        <translation>Signer</translation>
    </message>
    <message>
        <location filename="../../ui/views/signature_panel.py" line="119"/>
        <source>Chứng thư gốc</source>
        <translation>Root certificate</translation>
    </message>
    <message>
        <location filename="../../ui/views/signature_panel.py" line="121"/>
        <source>Nơi cấp trung gian</source>
        <translation>Intermediate CA</translation>
    </message>
    <message>
        <location filename="../../ui/views/signature_panel.py" line="125"/>
        <source>Cấp bởi: %1</source>
        <translation>Issued by: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/signature_panel.py" line="128"/>
        <source>Hiệu lực: %1 – %2</source>
        <translation>Valid: %1 – %2</translation>
    </message>
    <message>
        <location filename="../../ui/views/signature_panel.py" line="131"/>
        <source>Số hiệu: %1</source>
        <translation>Serial number: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/signature_panel.py" line="332"/>
        <source>Tệp không có chữ ký số.</source>
        <translation>The file has no digital signature.</translation>
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
        <location filename="../../ui/views/step_dialog.py" line="168"/>
        <source>Chọn người xử lý chính</source>
        <translation>Choose the lead handler</translation>
    </message>
    <message>
        <location filename="../../ui/views/step_dialog.py" line="183"/>
        <source>Tìm người, phòng ban (gõ không dấu được)</source>
        <translation>Find a person or department (diacritics optional)</translation>
    </message>
    <message>
        <location filename="../../ui/views/step_dialog.py" line="194"/>
        <source>Có hạn xử lý</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../ui/views/step_dialog.py" line="238"/>
        <source>Bước</source>
        <translation>Step</translation>
    </message>
    <message>
        <location filename="../../ui/views/step_dialog.py" line="239"/>
        <source>Trình lãnh đạo</source>
        <translation>Present to</translation>
    </message>
    <message>
        <location filename="../../ui/views/step_dialog.py" line="213"/>
        <source>Tìm đơn vị nhận (gõ không dấu được)</source>
        <translation>Find recipient organisations (diacritics optional)</translation>
    </message>
    <message>
        <location filename="../../ui/views/step_dialog.py" line="240"/>
        <source>Tìm người</source>
        <translation>Find people</translation>
    </message>
    <message>
        <location filename="../../ui/views/step_dialog.py" line="241"/>
        <source>Xử lý chính</source>
        <translation>Lead handler</translation>
    </message>
    <message>
        <location filename="../../ui/views/step_dialog.py" line="242"/>
        <source>Phối hợp</source>
        <translation>Co-handlers</translation>
    </message>
    <message>
        <location filename="../../ui/views/step_dialog.py" line="243"/>
        <source>Nhận để biết</source>
        <translation>For information</translation>
    </message>
    <message>
        <location filename="../../ui/views/step_dialog.py" line="245"/>
        <source>Tìm đơn vị</source>
        <translation>Find organisations</translation>
    </message>
    <message>
        <location filename="../../ui/views/step_dialog.py" line="246"/>
        <source>Gửi đơn vị nhận</source>
        <translation>Send to</translation>
    </message>
    <message>
        <location filename="../../ui/views/step_dialog.py" line="248"/>
        <source>Ngoài hệ thống</source>
        <translation>Outside this system</translation>
    </message>
    <message>
        <location filename="../../ui/views/step_dialog.py" line="249"/>
        <source>Đề nghị của bên gửi</source>
        <translation>The sender&apos;s request</translation>
    </message>
    <message>
        <location filename="../../ui/views/step_dialog.py" line="250"/>
        <source>Thay thế văn bản</source>
        <translation>Replaces</translation>
    </message>
    <message>
        <location filename="../../ui/views/step_dialog.py" line="251"/>
        <source>Dấu đến</source>
        <translation>Arrival stamp</translation>
    </message>
    <message>
        <location filename="../../ui/views/step_dialog.py" line="252"/>
        <source>Số sẽ cấp</source>
        <translation>Number to take</translation>
    </message>
    <message>
        <location filename="../../ui/views/step_dialog.py" line="253"/>
        <source>Thông tin đúng</source>
        <translation>Correct details</translation>
    </message>
    <message>
        <location filename="../../ui/views/step_dialog.py" line="254"/>
        <location filename="../../ui/views/step_dialog.py" line="327"/>
        <source>Ý kiến</source>
        <translation>Comment</translation>
    </message>
    <message>
        <location filename="../../ui/views/step_dialog.py" line="266"/>
        <source>Xử lý %1 văn bản cùng lúc</source>
        <translation>One step on %1 documents</translation>
    </message>
    <message>
        <location filename="../../ui/views/step_dialog.py" line="327"/>
        <source>Lý do</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/views/step_dialog.py" line="343"/>
        <source>Đơn vị chưa có lãnh đạo nào khác để trình.</source>
        <translation>Your organisation has no other leader to present to.</translation>
    </message>
    <message>
        <location filename="../../ui/views/step_dialog.py" line="345"/>
        <source>Đơn vị chưa có lãnh đạo, chuyên viên nào để giao việc.</source>
        <translation>Your organisation has no leader or specialist to assign to.</translation>
    </message>
    <message>
        <location filename="../../ui/views/step_dialog.py" line="151"/>
        <source>Văn bản ở trạng thái này không có bước xử lý nào.</source>
        <translation>No step can be taken on a document in this status.</translation>
    </message>
    <message>
        <location filename="../../ui/views/step_dialog.py" line="247"/>
        <source>Nơi nhận ngoài hệ thống
(qua trục liên thông)</source>
        <translation>Recipients outside this system
(through the exchange axis)</translation>
    </message>
    <message>
        <location filename="../../ui/views/step_dialog.py" line="356"/>
        <source>Hãy chọn lãnh đạo nhận.</source>
        <translation>Choose the leader it goes to.</translation>
    </message>
    <message>
        <location filename="../../ui/views/step_dialog.py" line="361"/>
        <source>Hãy chọn người xử lý chính.</source>
        <translation>Choose the lead handler.</translation>
    </message>
    <message>
        <location filename="../../ui/views/step_dialog.py" line="368"/>
        <source>Ngày văn bản cần theo dạng ngày/tháng/năm.</source>
        <translation>The date must read day/month/year.</translation>
    </message>
    <message>
        <location filename="../../ui/views/step_dialog.py" line="371"/>
        <source>Hãy sửa ít nhất một thông tin cần đính chính.</source>
        <translation>Change at least one detail to correct.</translation>
    </message>
    <message>
        <location filename="../../ui/views/step_messages.py" line="68"/>
        <source>Hãy ghi lý do thu hồi.</source>
        <translation>Write why it is withdrawn.</translation>
    </message>
    <message>
        <location filename="../../ui/views/step_messages.py" line="69"/>
        <location filename="../../ui/views/step_messages.py" line="70"/>
        <source>Hãy ghi lý do trả lại.</source>
        <translation>Write why it is sent back.</translation>
    </message>
    <message>
        <location filename="../../ui/views/step_messages.py" line="71"/>
        <source>Hãy ghi lý do đính chính.</source>
        <translation>Give the reason for the correction.</translation>
    </message>
    <message>
        <location filename="../../ui/views/step_messages.py" line="81"/>
        <source>Hãy ghi lý do.</source>
        <translation>Give a reason.</translation>
    </message>
    <message>
        <location filename="../../ui/views/step_dialog.py" line="467"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/views/step_fields.py" line="49"/>
        <source>Đang hỏi máy chủ…</source>
        <translation>Asking the server…</translation>
    </message>
    <message>
        <location filename="../../ui/views/step_fields.py" line="67"/>
        <source>Chưa biết (%1); số được cấp khi bước này đến máy chủ.</source>
        <translation>Not known yet (%1); the number is given when this step reaches the server.</translation>
    </message>
    <message>
        <location filename="../../ui/views/step_fields.py" line="76"/>
        <source>Đóng dấu ĐẾN lên trang đầu của tệp</source>
        <translation>Put the arrival stamp on the file&apos;s first page</translation>
    </message>
    <message>
        <location filename="../../ui/views/step_fields.py" line="80"/>
        <source>Dấu ĐẾN ghi tên cơ quan, số đến và ngày đến; được thêm thành một phiên bản mới của tệp nên chữ ký số của nơi gửi vẫn hợp lệ.</source>
        <translation>The ĐẾN stamp shows the organisation, the arrival number and date; it is added as a new version of the file, so the sender&apos;s signature stays valid.</translation>
    </message>
    <message>
        <location filename="../../ui/views/step_fields.py" line="96"/>
        <source>Không thay thế văn bản nào</source>
        <translation>Replaces no document</translation>
    </message>
    <message>
        <location filename="../../ui/views/step_fields.py" line="145"/>
        <source>Văn bản mật không gửi qua trục liên thông; hãy gửi nơi nhận ngoài hệ thống theo đường bản giấy.</source>
        <translation>A secret document is not sent through the exchange axis; send it to recipients outside this system on paper.</translation>
    </message>
    <message>
        <location filename="../../ui/views/step_fields.py" line="160"/>
        <source>Bên gửi đề nghị lấy lại văn bản: %1</source>
        <translation>The sender asks to take the document back: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/step_fields.py" line="164"/>
        <source>Đồng ý thì văn bản được thu hồi tại đơn vị và bên gửi được báo; từ chối thì giữ văn bản và ghi lý do.</source>
        <translation>Agreeing withdraws the document here and tells the sender; refusing keeps it, with the reason.</translation>
    </message>
    <message>
        <location filename="../../ui/views/step_messages.py" line="27"/>
        <source>%1 và %2 người khác</source>
        <translation>%1 and %2 others</translation>
    </message>
    <message>
        <location filename="../../ui/views/step_messages.py" line="35"/>
        <source>Đã chỉ đạo: giao %1 chủ trì</source>
        <translation>Directed: %1 leads</translation>
    </message>
    <message>
        <location filename="../../ui/views/step_messages.py" line="39"/>
        <source>, %1 phối hợp</source>
        <translation>, %1 co-handling</translation>
    </message>
    <message>
        <location filename="../../ui/views/step_messages.py" line="43"/>
        <source>, hạn %1</source>
        <translation>, due %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/step_messages.py" line="59"/>
        <source>; qua trục liên thông đến %1</source>
        <translation>; through the exchange axis to %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/step_messages.py" line="72"/>
        <source>Hãy ghi lý do từ chối tiếp nhận: bên gửi sẽ đọc lý do này.</source>
        <translation>Write why it is refused: the sender will read this reason.</translation>
    </message>
    <message>
        <location filename="../../ui/views/step_messages.py" line="75"/>
        <source>Hãy ghi lý do đề nghị lấy lại văn bản.</source>
        <translation>Write why the document is asked back.</translation>
    </message>
    <message>
        <location filename="../../ui/views/step_messages.py" line="78"/>
        <source>Hãy ghi lý do từ chối cho lấy lại văn bản.</source>
        <translation>Write why the document is not given back.</translation>
    </message>
    <message>
        <location filename="../../ui/views/step_messages.py" line="94"/>
        <source>Đã vào sổ: số đến %1</source>
        <translation>Registered: arrival number %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/step_messages.py" line="98"/>
        <source>Đã vào sổ</source>
        <translation>Registered</translation>
    </message>
    <message>
        <location filename="../../ui/views/step_messages.py" line="100"/>
        <source>Đã trình %1</source>
        <translation>Presented to %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/step_messages.py" line="104"/>
        <source>Đã ghi ý kiến xử lý</source>
        <translation>Note recorded</translation>
    </message>
    <message>
        <location filename="../../ui/views/step_messages.py" line="105"/>
        <source>Đã xin gia hạn đến %1</source>
        <translation>More time requested, until %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/step_messages.py" line="108"/>
        <source>Đã gia hạn đến %1</source>
        <translation>Deadline extended to %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/step_messages.py" line="111"/>
        <source>Đã trả lại văn bản cho lãnh đạo</source>
        <translation>Returned to the leader</translation>
    </message>
    <message>
        <location filename="../../ui/views/step_messages.py" line="115"/>
        <source>Đã hoàn thành phần phối hợp</source>
        <translation>Your co-handling part is done</translation>
    </message>
    <message>
        <location filename="../../ui/views/step_messages.py" line="117"/>
        <source>Đã hoàn thành xử lý</source>
        <translation>Handling finished</translation>
    </message>
    <message>
        <location filename="../../ui/views/step_messages.py" line="119"/>
        <source>Đã mở lại để xử lý tiếp</source>
        <translation>Reopened for further handling</translation>
    </message>
    <message>
        <location filename="../../ui/views/step_messages.py" line="120"/>
        <source>Đã thu hồi việc đã giao</source>
        <translation>Assignment recalled</translation>
    </message>
    <message>
        <location filename="../../ui/views/step_messages.py" line="121"/>
        <source>Đã trình ký %1</source>
        <translation>Submitted for signature to %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/step_messages.py" line="124"/>
        <source>Đã trả lại dự thảo</source>
        <translation>Draft sent back</translation>
    </message>
    <message>
        <location filename="../../ui/views/step_messages.py" line="125"/>
        <source>Đã duyệt ký</source>
        <translation>Approved for signature</translation>
    </message>
    <message>
        <location filename="../../ui/views/step_messages.py" line="127"/>
        <source>Đã cấp số %1</source>
        <translation>Numbered %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/step_messages.py" line="131"/>
        <source>Đã cấp số</source>
        <translation>Numbered</translation>
    </message>
    <message>
        <location filename="../../ui/views/step_messages.py" line="53"/>
        <source>Đã phát hành đến %1</source>
        <translation>Issued to %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/step_messages.py" line="57"/>
        <source>Đã phát hành</source>
        <translation>Issued</translation>
    </message>
    <message>
        <location filename="../../ui/views/step_messages.py" line="134"/>
        <source>Đã thu hồi văn bản</source>
        <translation>Document withdrawn</translation>
    </message>
    <message>
        <location filename="../../ui/views/step_messages.py" line="135"/>
        <source>Đã đính chính %1 thông tin</source>
        <translation>%1 details corrected</translation>
    </message>
    <message>
        <location filename="../../ui/views/step_messages.py" line="138"/>
        <source>Đã từ chối tiếp nhận văn bản; bên gửi được báo lý do</source>
        <translation>Refused the document; the sender is told the reason</translation>
    </message>
    <message>
        <location filename="../../ui/views/step_messages.py" line="141"/>
        <source>Đã gửi đề nghị lấy lại văn bản đến các nơi nhận ngoài hệ thống</source>
        <translation>Asked the recipients outside this system to give the document back</translation>
    </message>
    <message>
        <location filename="../../ui/views/step_messages.py" line="144"/>
        <source>Đã đồng ý cho bên gửi lấy lại văn bản</source>
        <translation>Agreed to give the document back to its sender</translation>
    </message>
    <message>
        <location filename="../../ui/views/step_messages.py" line="147"/>
        <source>Đã từ chối cho lấy lại văn bản; bên gửi được báo lý do</source>
        <translation>Refused to give the document back; the sender is told the reason</translation>
    </message>
    <message>
        <location filename="../../ui/views/step_messages.py" line="151"/>
        <source>Đã thực hiện</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../ui/views/step_messages.py" line="168"/>
        <source> (%1 văn bản)</source>
        <translation> (%1 documents)</translation>
    </message>
    <message>
        <location filename="../../ui/views/step_messages.py" line="172"/>
        <source>Chờ gửi khi có mạng — %1</source>
        <translation>Waiting to be sent when online — %1</translation>
    </message>
</context>
<context>
    <name>Steps</name>
    <message>
        <location filename="../../ui/labels.py" line="177"/>
        <source>Từ chối tiếp nhận</source>
        <translation>Refuse</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="178"/>
        <source>Đề nghị lấy lại</source>
        <translation>Ask to take back</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="179"/>
        <source>Đồng ý cho lấy lại</source>
        <translation>Agree to give back</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="180"/>
        <source>Từ chối cho lấy lại</source>
        <translation>Refuse to give back</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="181"/>
        <source>Liên thông</source>
        <translation>Exchange</translation>
    </message>
</context>
<context>
    <name>TakeBackBanner</name>
    <message>
        <location filename="../../ui/views/exchange_panel.py" line="151"/>
        <source>Bên gửi đề nghị lấy lại văn bản: %1</source>
        <translation>The sender asks to take the document back: %1</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <location filename="../../ui/timeline.py" line="45"/>
        <source>đang xử lý</source>
        <translation>handling</translation>
    </message>
    <message>
        <location filename="../../ui/timeline.py" line="47"/>
        <source>đang phối hợp</source>
        <translation>co-handling</translation>
    </message>
    <message>
        <location filename="../../ui/timeline.py" line="53"/>
        <source>, hạn %1</source>
        <translation>, due %1</translation>
    </message>
    <message>
        <location filename="../../ui/timeline.py" line="59"/>
        <source>, xin gia hạn đến %1</source>
        <translation>, asked for more time until %1</translation>
    </message>
    <message>
        <location filename="../../ui/timeline.py" line="64"/>
        <source> (quá hạn)</source>
        <translation> (overdue)</translation>
    </message>
    <message>
        <location filename="../../ui/timeline.py" line="66"/>
        <source> (sắp đến hạn)</source>
        <translation> (due soon)</translation>
    </message>
    <message>
        <location filename="../../ui/timeline.py" line="77"/>
        <source>để biết, không phải xử lý</source>
        <translation>for information, nothing to handle</translation>
    </message>
    <message>
        <location filename="../../ui/timeline.py" line="124"/>
        <source>→ Nơi nhận %1: %2</source>
        <translation>→ Recipient %1: %2</translation>
    </message>
    <message>
        <location filename="../../ui/timeline.py" line="134"/>
        <source>→ Nơi nhận %1 (qua trục liên thông): %2</source>
        <translation>→ Recipient %1 (through the exchange axis): %2</translation>
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
        <location filename="../../ui/views/uploads.py" line="86"/>
        <source>Thư mục nhận bản quét</source>
        <translation>Scan folder</translation>
    </message>
    <message>
        <location filename="../../ui/views/uploads.py" line="88"/>
        <location filename="../../ui/views/uploads.py" line="140"/>
        <source>Chọn thư mục…</source>
        <translation>Choose folder…</translation>
    </message>
    <message>
        <location filename="../../ui/views/uploads.py" line="90"/>
        <location filename="../../ui/views/uploads.py" line="239"/>
        <source>Bắt đầu theo dõi</source>
        <translation>Start watching</translation>
    </message>
    <message>
        <location filename="../../ui/views/uploads.py" line="93"/>
        <source>Mở thư mục</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <location filename="../../ui/views/uploads.py" line="97"/>
        <source>Thử lại tệp lỗi</source>
        <translation>Retry failed files</translation>
    </message>
    <message>
        <location filename="../../ui/views/uploads.py" line="105"/>
        <source>Mở văn bản</source>
        <translation>Open document</translation>
    </message>
    <message>
        <location filename="../../ui/views/uploads.py" line="154"/>
        <source>Tệp</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../ui/views/uploads.py" line="154"/>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/views/uploads.py" line="154"/>
        <source>Tiến độ</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location filename="../../ui/views/uploads.py" line="154"/>
        <source>Lý do</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/views/uploads.py" line="178"/>
        <source>Chọn thư mục nhận bản quét</source>
        <translation>Choose the scan folder</translation>
    </message>
    <message>
        <location filename="../../ui/views/uploads.py" line="198"/>
        <source>Chưa có thư mục theo dõi. Hãy chọn thư mục mà máy quét lưu bản quét vào, rồi bấm “Bắt đầu theo dõi”: mỗi tệp PDF hay ảnh xuất hiện trong đó sẽ được tải lên máy chủ.</source>
        <translation>No watched folder yet. Choose the folder your scanner saves scans to, then click “Start watching”: every PDF or image that appears there is uploaded to the server.</translation>
    </message>
    <message>
        <location filename="../../ui/views/uploads.py" line="209"/>
        <source>Không tìm thấy thư mục “%1”. Kiểm tra ổ mạng hoặc chọn thư mục khác.</source>
        <translation>Folder “%1” not found. Check the network drive or choose another folder.</translation>
    </message>
    <message>
        <location filename="../../ui/views/uploads.py" line="226"/>
        <source>Dừng theo dõi</source>
        <translation>Stop watching</translation>
    </message>
    <message>
        <location filename="../../ui/views/uploads.py" line="277"/>
        <source>Đã tải lên: %1 — Lỗi: %2 — Đang chờ: %3</source>
        <translation>Uploaded: %1 — Failed: %2 — Waiting: %3</translation>
    </message>
    <message>
        <location filename="../../ui/views/uploads.py" line="319"/>
        <source>Nhấp đúp để mở văn bản đã tạo</source>
        <translation>Double-click to open the document it became</translation>
    </message>
    <message>
        <location filename="../../ui/views/uploads.py" line="338"/>
        <source>Nhấp đúp hoặc bấm “Mở văn bản” để xem văn bản đã tạo.</source>
        <translation>Double-click or click “Open document” to see the document it became.</translation>
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
        <location filename="../../ui/views/profile_editors.py" line="191"/>
        <source>Chuyển tệp đã tải lên vào thư mục “%1” theo ngày</source>
        <translation>Move uploaded files into the “%1” folder, by date</translation>
    </message>
    <message>
        <location filename="../../ui/views/profile_editors.py" line="196"/>
        <source>Xoá tệp gốc</source>
        <translation>Delete the original</translation>
    </message>
    <message>
        <location filename="../../ui/views/profile_editors.py" line="201"/>
        <source>Không giới hạn</source>
        <translation>Unlimited</translation>
    </message>
    <message>
        <location filename="../../ui/views/profile_editors.py" line="202"/>
        <source>Nhận dạng chữ (OCR tiếng Việt) cho bản quét</source>
        <translation>Recognise text (Vietnamese OCR) in scans</translation>
    </message>
    <message>
        <location filename="../../ui/views/profile_editors.py" line="204"/>
        <source>Loại văn bản mặc định</source>
        <translation>Default document type</translation>
    </message>
    <message>
        <location filename="../../ui/views/profile_editors.py" line="205"/>
        <source>Cơ quan ban hành mặc định</source>
        <translation>Default issuing body</translation>
    </message>
    <message>
        <location filename="../../ui/views/profile_editors.py" line="206"/>
        <source>Chờ tệp đứng yên</source>
        <translation>Wait until the file is still</translation>
    </message>
    <message>
        <location filename="../../ui/views/profile_editors.py" line="207"/>
        <source>Số tệp tải song song</source>
        <translation>Parallel uploads</translation>
    </message>
    <message>
        <location filename="../../ui/views/profile_editors.py" line="208"/>
        <source>Cách phát hiện tệp mới</source>
        <translation>How new files are detected</translation>
    </message>
    <message>
        <location filename="../../ui/views/profile_editors.py" line="209"/>
        <source>Sau khi tải lên</source>
        <translation>After upload</translation>
    </message>
    <message>
        <location filename="../../ui/views/profile_editors.py" line="210"/>
        <source>Giới hạn băng thông</source>
        <translation>Bandwidth limit</translation>
    </message>
</context>
<context>
    <name>dialog</name>
    <message>
        <location filename="../../ui/app.py" line="105"/>
        <source>Không lưu được đăng nhập</source>
        <translation>Cannot remember the sign-in</translation>
    </message>
</context>
</TS>
