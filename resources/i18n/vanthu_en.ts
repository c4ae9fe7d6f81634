<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>DocumentTableModel</name>
    <message>
        <location filename="../../ui/models.py" line="41"/>
        <source>Số/ký hiệu</source>
        <translation>Number/symbol</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="41"/>
        <source>Ngày</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="41"/>
        <source>Loại</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="41"/>
        <source>Trích yếu</source>
        <translation>Summary</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="42"/>
        <source>Cơ quan ban hành</source>
        <translation>Issued by</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="42"/>
        <source>Độ khẩn</source>
        <translation>Urgency</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="42"/>
        <source>Độ mật</source>
        <translation>Secrecy</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="42"/>
        <source>Hạn xử lý</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="43"/>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>DocumentView</name>
    <message>
        <location filename="../../ui/views/document_view.py" line="59"/>
        <source>Thông tin</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_view.py" line="60"/>
        <source>Phiên bản</source>
        <translation>Versions</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_view.py" line="61"/>
        <source>Chữ ký số</source>
        <translation>Signatures</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_view.py" line="62"/>
        <source>Ký số</source>
        <translation>Sign</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_view.py" line="87"/>
        <source>Số/ký hiệu</source>
        <translation>Number/symbol</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_view.py" line="88"/>
        <source>Ngày</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_view.py" line="89"/>
        <source>Cơ quan ban hành</source>
        <translation>Issued by</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_view.py" line="90"/>
        <source>Người ký</source>
        <translation>Signer</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_view.py" line="91"/>
        <source>Độ khẩn</source>
        <translation>Urgency</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_view.py" line="92"/>
        <source>Độ mật</source>
        <translation>Secrecy</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_view.py" line="93"/>
        <source>Hạn xử lý</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_view.py" line="94"/>
        <source>Số đến</source>
        <translation>Arrival no.</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_view.py" line="95"/>
        <source>Nơi nhận</source>
        <translation>Recipients</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_view.py" line="96"/>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_view.py" line="106"/>
        <source>Văn bản chưa có tệp.</source>
        <translation>The document has no file yet.</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_view.py" line="108"/>
        <source>Đang mở tệp…</source>
        <translation>Opening file…</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_view.py" line="122"/>
        <source>Tệp không có chữ ký số.</source>
        <translation>The file has no digital signature.</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../ui/labels.py" line="26"/>
        <location filename="../../ui/labels.py" line="33"/>
        <source>Thường</source>
        <translation>Normal</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="27"/>
        <source>Khẩn</source>
        <translation>Urgent</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="28"/>
        <source>Thượng khẩn</source>
        <translation>Very urgent</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="29"/>
        <source>Hỏa tốc</source>
        <translation>Flash</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="30"/>
        <source>Hỏa tốc hẹn giờ</source>
        <translation>Flash, timed</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="34"/>
        <source>Mật</source>
        <translation>Confidential</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="35"/>
        <source>Tối mật</source>
        <translation>Secret</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="36"/>
        <source>Tuyệt mật</source>
        <translation>Top secret</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="39"/>
        <source>Dự thảo</source>
        <translation>Draft</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="40"/>
        <source>Chờ ký</source>
        <translation>Awaiting signature</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="41"/>
        <source>Đã ký</source>
        <translation>Signed</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="42"/>
        <source>Đã cấp số</source>
        <translation>Numbered</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="43"/>
        <source>Đã ban hành</source>
        <translation>Issued</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="44"/>
        <source>Đã tiếp nhận</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="45"/>
        <source>Đã giao xử lý</source>
        <translation>Assigned</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="46"/>
        <source>Đang xử lý</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="47"/>
        <source>Hoàn thành</source>
        <translation>Done</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../ui/views/login.py" line="34"/>
        <source>Đăng nhập — Văn thư số</source>
        <translation>Sign in — Văn thư số</translation>
    </message>
    <message>
        <location filename="../../ui/views/login.py" line="40"/>
        <source>(tùy chọn) chứng chỉ CA của đơn vị</source>
        <translation>(optional) your organisation&apos;s CA certificate</translation>
    </message>
    <message>
        <location filename="../../ui/views/login.py" line="41"/>
        <source>Chọn…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../../ui/views/login.py" line="46"/>
        <source>Ghi nhớ đăng nhập</source>
        <translation>Remember me</translation>
    </message>
    <message>
        <location filename="../../ui/views/login.py" line="52"/>
        <source>Máy chủ</source>
        <translation>Server</translation>
    </message>
    <message>
        <location filename="../../ui/views/login.py" line="53"/>
        <source>Tên đăng nhập</source>
        <translation>Username</translation>
    </message>
    <message>
        <location filename="../../ui/views/login.py" line="54"/>
        <source>Mật khẩu</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../ui/views/login.py" line="55"/>
        <source>Chứng chỉ CA</source>
        <translation>CA certificate</translation>
    </message>
    <message>
        <location filename="../../ui/views/login.py" line="58"/>
        <source>Đăng nhập</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="../../ui/views/login.py" line="70"/>
        <source>Chọn chứng chỉ CA</source>
        <translation>Choose CA certificate</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/views/main_window.py" line="126"/>
        <location filename="../../ui/views/main_window.py" line="139"/>
        <source>Văn thư số</source>
        <translation>Văn thư số</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.py" line="143"/>
        <source>Văn bản đến</source>
        <translation>Incoming documents</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.py" line="143"/>
        <source>Văn bản đi</source>
        <translation>Outgoing documents</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.py" line="143"/>
        <source>Chờ ký</source>
        <translation>Awaiting my signature</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.py" line="143"/>
        <location filename="../../ui/views/main_window.py" line="325"/>
        <source>Tải lên</source>
        <translation>Uploads</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.py" line="144"/>
        <source>Cài đặt</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.py" line="147"/>
        <source>Tìm số, ký hiệu, trích yếu… (gõ không dấu cũng được)</source>
        <translation>Search number, symbol, summary… (diacritics optional)</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.py" line="148"/>
        <source>Mọi độ khẩn</source>
        <translation>Any urgency</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.py" line="148"/>
        <source>Khẩn trở lên</source>
        <translation>Urgent or higher</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.py" line="149"/>
        <source>Thượng khẩn trở lên</source>
        <translation>Very urgent or higher</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.py" line="149"/>
        <source>Hỏa tốc</source>
        <translation>Flash</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.py" line="150"/>
        <source>Mọi loại</source>
        <translation>All types</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.py" line="152"/>
        <source>Mọi hạn</source>
        <translation>Any deadline</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.py" line="152"/>
        <source>Quá hạn</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.py" line="153"/>
        <source>Mọi trạng thái</source>
        <translation>Any status</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.py" line="155"/>
        <location filename="../../ui/views/main_window.py" line="235"/>
        <source>Ký số</source>
        <translation>Sign</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.py" line="156"/>
        <location filename="../../ui/views/main_window.py" line="288"/>
        <source>Đồng bộ</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.py" line="156"/>
        <location filename="../../ui/views/main_window.py" line="262"/>
        <source>Dừng đồng bộ</source>
        <translation>Stop sync</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.py" line="235"/>
        <source>Hãy chọn văn bản có tệp để ký.</source>
        <translation>Select documents that have a file to sign.</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.py" line="261"/>
        <source>Đang đồng bộ…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.py" line="284"/>
        <source>Đang đồng bộ… %1 thay đổi</source>
        <translation>Syncing… %1 changes</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.py" line="297"/>
        <source>… và %1 văn bản khẩn khác</source>
        <translation>… and %1 more urgent documents</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.py" line="299"/>
        <source>%1 văn bản đến hạn giải quyết hôm nay</source>
        <translation>%1 documents due today</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.py" line="300"/>
        <source>Văn bản khẩn mới</source>
        <translation>New urgent documents</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.py" line="300"/>
        <source>Hạn giải quyết</source>
        <translation>Deadlines</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.py" line="309"/>
        <source>Trực tuyến — đồng bộ lúc %1 — %2 văn bản trên máy</source>
        <translation>Online — synced at %1 — %2 documents on this computer</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.py" line="317"/>
        <source>Ngoại tuyến — đang dùng dữ liệu trên máy</source>
        <translation>Offline — using local data</translation>
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
        <location filename="../../ui/views/pdf_view.py" line="97"/>
        <source>Tìm trong văn bản…</source>
        <translation>Find in document…</translation>
    </message>
    <message>
        <location filename="../../ui/views/pdf_view.py" line="102"/>
        <source>Trang trước</source>
        <translation>Previous page</translation>
    </message>
    <message>
        <location filename="../../ui/views/pdf_view.py" line="102"/>
        <source>Trang sau</source>
        <translation>Next page</translation>
    </message>
    <message>
        <location filename="../../ui/views/pdf_view.py" line="103"/>
        <source>Thu nhỏ</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <location filename="../../ui/views/pdf_view.py" line="104"/>
        <source>Phóng to</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <location filename="../../ui/views/pdf_view.py" line="105"/>
        <source>Vừa chiều rộng</source>
        <translation>Fit width</translation>
    </message>
</context>
<context>
    <name>SettingsView</name>
    <message>
        <location filename="../../ui/views/settings_view.py" line="52"/>
        <source>Đổi máy chủ: đăng xuất rồi đăng nhập lại</source>
        <translation>To change server: log out and log in again</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="62"/>
        <source>Lưu</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="66"/>
        <source>Chung</source>
        <translation>General</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="68"/>
        <source>Ngôn ngữ</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="69"/>
        <source>Dung lượng tệp lưu trên máy</source>
        <translation>Local file cache size</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="70"/>
        <source>Máy chủ</source>
        <translation>Server</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="71"/>
        <source>Ký số</source>
        <translation>Signing</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="74"/>
        <source>Cấu hình ký số</source>
        <translation>Signing profile</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="77"/>
        <source>Thư mục theo dõi (tải lên bản quét)</source>
        <translation>Watched folder (scan uploads)</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="124"/>
        <source>Đã lưu.</source>
        <translation>Saved.</translation>
    </message>
</context>
<context>
    <name>SignDialog</name>
    <message numerus="yes">
        <location filename="../../ui/views/sign_dialog.py" line="128"/>
        <source>Ký số %n văn bản</source>
        <translation>
            <numerusform>Sign %n document(s)</numerusform>
            <numerusform>Sign %n document(s)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/views/sign_dialog.py" line="143"/>
        <source>Ký phê duyệt</source>
        <translation>Approve (leader signature)</translation>
    </message>
    <message>
        <location filename="../../ui/views/sign_dialog.py" line="143"/>
        <source>Đóng dấu phát hành</source>
        <translation>Issue (organisation seal)</translation>
    </message>
    <message>
        <location filename="../../ui/views/sign_dialog.py" line="144"/>
        <source>Ký phụ lục</source>
        <translation>Sign attachment</translation>
    </message>
    <message>
        <location filename="../../ui/views/sign_dialog.py" line="144"/>
        <source>Ký bản sao điện tử</source>
        <translation>Sign electronic copy</translation>
    </message>
    <message>
        <location filename="../../ui/views/sign_dialog.py" line="151"/>
        <source>Ký</source>
        <translation>Sign</translation>
    </message>
    <message>
        <location filename="../../ui/views/sign_dialog.py" line="154"/>
        <source>Huỷ</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/views/sign_dialog.py" line="156"/>
        <source>Tải lại bản mới nhất</source>
        <translation>Reload the newest version</translation>
    </message>
    <message>
        <location filename="../../ui/views/sign_dialog.py" line="161"/>
        <source>Thư viện token</source>
        <translation>Token library</translation>
    </message>
    <message>
        <location filename="../../ui/views/sign_dialog.py" line="162"/>
        <source>Chứng thư số</source>
        <translation>Certificate</translation>
    </message>
    <message>
        <location filename="../../ui/views/sign_dialog.py" line="163"/>
        <source>Mã PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../ui/views/sign_dialog.py" line="165"/>
        <source>Cách ký</source>
        <translation>Signing mode</translation>
    </message>
    <message>
        <location filename="../../ui/views/sign_dialog.py" line="207"/>
        <source>CẢNH BÁO: chỉ còn MỘT lần nhập PIN trước khi token bị khoá.</source>
        <translation>WARNING: ONE PIN try left before the token locks.</translation>
    </message>
    <message>
        <location filename="../../ui/views/sign_dialog.py" line="210"/>
        <source>Nhập PIN trên bàn phím của token khi bấm Ký</source>
        <translation>Enter the PIN on the token&apos;s keypad after pressing Sign</translation>
    </message>
    <message>
        <location filename="../../ui/views/sign_dialog.py" line="233"/>
        <source>Chưa chọn chứng thư số.</source>
        <translation>No certificate chosen.</translation>
    </message>
    <message>
        <location filename="../../ui/views/sign_dialog.py" line="239"/>
        <source>Hãy nhập mã PIN của token.</source>
        <translation>Enter the token&apos;s PIN.</translation>
    </message>
    <message>
        <location filename="../../ui/views/sign_dialog.py" line="267"/>
        <source> — bấm Tải lại để lấy bản mới nhất</source>
        <translation> — press Reload to get the latest version</translation>
    </message>
    <message>
        <location filename="../../ui/views/sign_dialog.py" line="270"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>SigningProfileEditor</name>
    <message>
        <location filename="../../ui/views/profile_editors.py" line="65"/>
        <source>PAdES B-T (có dấu thời gian)</source>
        <translation>PAdES B-T (with time-stamp)</translation>
    </message>
    <message>
        <location filename="../../ui/views/profile_editors.py" line="66"/>
        <source>PAdES B-LT (kèm thông tin thu hồi)</source>
        <translation>PAdES B-LT (with revocation data)</translation>
    </message>
    <message>
        <location filename="../../ui/views/profile_editors.py" line="67"/>
        <source>PAdES B-LTA (lưu trữ dài hạn)</source>
        <translation>PAdES B-LTA (long-term archive)</translation>
    </message>
    <message>
        <location filename="../../ui/views/profile_editors.py" line="71"/>
        <source>Ký không dấu thời gian khi máy chủ TSA không phản hồi</source>
        <translation>Sign without a time-stamp when the TSA does not answer</translation>
    </message>
    <message>
        <location filename="../../ui/views/profile_editors.py" line="72"/>
        <source>Ảnh chữ ký (PNG nền trong suốt)</source>
        <translation>Signature image (transparent PNG)</translation>
    </message>
    <message>
        <location filename="../../ui/views/profile_editors.py" line="73"/>
        <source>Ảnh con dấu (PNG nền trong suốt)</source>
        <translation>Seal image (transparent PNG)</translation>
    </message>
    <message>
        <location filename="../../ui/views/profile_editors.py" line="75"/>
        <source>Khi đóng dấu: ghi số và ngày văn thư đã cấp vào chỗ trống</source>
        <translation>When sealing: write the number and date the clerk assigned into the blanks</translation>
    </message>
    <message>
        <location filename="../../ui/views/profile_editors.py" line="81"/>
        <source>Chọn…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../ui/views/profile_editors.py" line="89"/>
        <source>Thêm chứng thư gốc…</source>
        <translation>Add root certificate…</translation>
    </message>
    <message>
        <location filename="../../ui/views/profile_editors.py" line="91"/>
        <source>Bỏ</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../ui/views/profile_editors.py" line="100"/>
        <source>Chuẩn chữ ký</source>
        <translation>Signature level</translation>
    </message>
    <message>
        <location filename="../../ui/views/profile_editors.py" line="101"/>
        <source>Máy chủ dấu thời gian (TSA)</source>
        <translation>Time-stamp server (TSA)</translation>
    </message>
    <message>
        <location filename="../../ui/views/profile_editors.py" line="103"/>
        <source>Ảnh chữ ký</source>
        <translation>Signature image</translation>
    </message>
    <message>
        <location filename="../../ui/views/profile_editors.py" line="104"/>
        <source>Ảnh con dấu</source>
        <translation>Seal image</translation>
    </message>
    <message>
        <location filename="../../ui/views/profile_editors.py" line="105"/>
        <source>Cơ quan (bản sao điện tử)</source>
        <translation>Organisation (electronic copies)</translation>
    </message>
    <message>
        <location filename="../../ui/views/profile_editors.py" line="107"/>
        <source>Thư viện token (PKCS#11)</source>
        <translation>Token library (PKCS#11)</translation>
    </message>
    <message>
        <location filename="../../ui/views/profile_editors.py" line="108"/>
        <source>Chứng thư gốc tin cậy</source>
        <translation>Trusted root certificates</translation>
    </message>
    <message>
        <location filename="../../ui/views/profile_editors.py" line="128"/>
        <source>Thư viện PKCS#11 của token</source>
        <translation>The token&apos;s PKCS#11 library</translation>
    </message>
    <message>
        <location filename="../../ui/views/profile_editors.py" line="129"/>
        <source>Thư viện (*.dll *.so *.dylib)</source>
        <translation>Libraries (*.dll *.so *.dylib)</translation>
    </message>
    <message>
        <location filename="../../ui/views/profile_editors.py" line="135"/>
        <source>Chứng thư gốc</source>
        <translation>Root certificate</translation>
    </message>
    <message>
        <location filename="../../ui/views/profile_editors.py" line="136"/>
        <source>Chứng thư (*.cer *.crt *.pem *.der)</source>
        <translation>Certificates (*.cer *.crt *.pem *.der)</translation>
    </message>
</context>
<context>
    <name>UploadsView</name>
    <message>
        <location filename="../../ui/views/uploads.py" line="61"/>
        <source>Thư mục nhận bản quét</source>
        <translation>Scan folder</translation>
    </message>
    <message>
        <location filename="../../ui/views/uploads.py" line="62"/>
        <source>Chọn thư mục…</source>
        <translation>Choose folder…</translation>
    </message>
    <message>
        <location filename="../../ui/views/uploads.py" line="64"/>
        <location filename="../../ui/views/uploads.py" line="116"/>
        <source>Bắt đầu theo dõi</source>
        <translation>Start watching</translation>
    </message>
    <message>
        <location filename="../../ui/views/uploads.py" line="67"/>
        <source>Mở thư mục</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <location filename="../../ui/views/uploads.py" line="69"/>
        <source>Thử lại tệp lỗi</source>
        <translation>Retry failed files</translation>
    </message>
    <message>
        <location filename="../../ui/views/uploads.py" line="77"/>
        <source>Tệp</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../ui/views/uploads.py" line="77"/>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/views/uploads.py" line="77"/>
        <source>Tiến độ</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location filename="../../ui/views/uploads.py" line="78"/>
        <source>Lý do</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/views/uploads.py" line="89"/>
        <source>Chọn thư mục nhận bản quét</source>
        <translation>Choose the scan folder</translation>
    </message>
    <message>
        <location filename="../../ui/views/uploads.py" line="110"/>
        <source>Dừng theo dõi</source>
        <translation>Stop watching</translation>
    </message>
    <message>
        <location filename="../../ui/views/uploads.py" line="136"/>
        <source>Đã tải lên: %1 — Lỗi: %2 — Đang chờ: %3</source>
        <translation>Uploaded: %1 — Failed: %2 — Waiting: %3</translation>
    </message>
</context>
<context>
    <name>WatchProfileEditor</name>
    <message>
        <location filename="../../ui/views/profile_editors.py" line="163"/>
        <source>Tự động</source>
        <translation>Automatic</translation>
    </message>
    <message>
        <location filename="../../ui/views/profile_editors.py" line="163"/>
        <source>Sự kiện hệ thống (ổ đĩa máy này)</source>
        <translation>System events (local disk)</translation>
    </message>
    <message>
        <location filename="../../ui/views/profile_editors.py" line="164"/>
        <source>Quét định kỳ (ổ mạng SMB/NFS)</source>
        <translation>Periodic scan (SMB/NFS network share)</translation>
    </message>
    <message>
        <location filename="../../ui/views/profile_editors.py" line="167"/>
        <source>Chuyển vào done/ theo ngày</source>
        <translation>Move to done/ by date</translation>
    </message>
    <message>
        <location filename="../../ui/views/profile_editors.py" line="168"/>
        <source>Xoá tệp gốc</source>
        <translation>Delete the original</translation>
    </message>
    <message>
        <location filename="../../ui/views/profile_editors.py" line="172"/>
        <source>Không giới hạn</source>
        <translation>Unlimited</translation>
    </message>
    <message>
        <location filename="../../ui/views/profile_editors.py" line="173"/>
        <source>Nhận dạng chữ (OCR tiếng Việt) cho bản quét</source>
        <translation>Recognise text (Vietnamese OCR) in scans</translation>
    </message>
    <message>
        <location filename="../../ui/views/profile_editors.py" line="175"/>
        <source>Loại văn bản mặc định</source>
        <translation>Default document type</translation>
    </message>
    <message>
        <location filename="../../ui/views/profile_editors.py" line="176"/>
        <source>Cơ quan ban hành mặc định</source>
        <translation>Default issuing body</translation>
    </message>
    <message>
        <location filename="../../ui/views/profile_editors.py" line="177"/>
        <source>Chờ tệp đứng yên</source>
        <translation>Wait until the file is still</translation>
    </message>
    <message>
        <location filename="../../ui/views/profile_editors.py" line="178"/>
        <source>Số tệp tải song song</source>
        <translation>Parallel uploads</translation>
    </message>
    <message>
        <location filename="../../ui/views/profile_editors.py" line="179"/>
        <source>Cách phát hiện tệp mới</source>
        <translation>How new files are detected</translation>
    </message>
    <message>
        <location filename="../../ui/views/profile_editors.py" line="180"/>
        <source>Sau khi tải lên</source>
        <translation>After upload</translation>
    </message>
    <message>
        <location filename="../../ui/views/profile_editors.py" line="181"/>
        <source>Giới hạn băng thông</source>
        <translation>Bandwidth limit</translation>
    </message>
</context>
</TS>
