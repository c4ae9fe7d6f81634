<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>DocumentTableModel</name>
    <message>
        <location filename="../../ui/models.py" line="40"/>
        <source>Số/ký hiệu</source>
        <translation>Number/symbol</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="40"/>
        <source>Ngày</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="40"/>
        <source>Loại</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="40"/>
        <source>Trích yếu</source>
        <translation>Summary</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="41"/>
        <source>Cơ quan ban hành</source>
        <translation>Issued by</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="41"/>
        <source>Độ khẩn</source>
        <translation>Urgency</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="41"/>
        <source>Độ mật</source>
        <translation>Secrecy</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="41"/>
        <source>Hạn xử lý</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="42"/>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>DocumentView</name>
    <message>
        <location filename="../../ui/views/document_view.py" line="52"/>
        <source>Thông tin</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_view.py" line="53"/>
        <source>Phiên bản</source>
        <translation>Versions</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_view.py" line="54"/>
        <source>Chữ ký số</source>
        <translation>Signatures</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_view.py" line="55"/>
        <source>Ký số</source>
        <translation>Sign</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_view.py" line="79"/>
        <source>Số/ký hiệu</source>
        <translation>Number/symbol</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_view.py" line="80"/>
        <source>Ngày</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_view.py" line="81"/>
        <source>Cơ quan ban hành</source>
        <translation>Issued by</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_view.py" line="82"/>
        <source>Người ký</source>
        <translation>Signer</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_view.py" line="83"/>
        <source>Độ khẩn</source>
        <translation>Urgency</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_view.py" line="84"/>
        <source>Độ mật</source>
        <translation>Secrecy</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_view.py" line="85"/>
        <source>Hạn xử lý</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_view.py" line="86"/>
        <source>Số đến</source>
        <translation>Arrival no.</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_view.py" line="87"/>
        <source>Nơi nhận</source>
        <translation>Recipients</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_view.py" line="88"/>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_view.py" line="98"/>
        <source>Văn bản chưa có tệp.</source>
        <translation>The document has no file yet.</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_view.py" line="100"/>
        <source>Đang mở tệp…</source>
        <translation>Opening file…</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_view.py" line="114"/>
        <source>Tệp không có chữ ký số.</source>
        <translation>The file has no digital signature.</translation>
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
        <translation>(optional) your organisation's CA certificate</translation>
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
        <location filename="../../ui/views/main_window.py" line="122"/>
        <source>Văn thư số</source>
        <translation>Văn thư số</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.py" line="126"/>
        <source>Văn bản đến</source>
        <translation>Incoming documents</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.py" line="126"/>
        <source>Văn bản đi</source>
        <translation>Outgoing documents</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.py" line="126"/>
        <source>Chờ ký</source>
        <translation>Awaiting my signature</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.py" line="126"/>
        <location filename="../../ui/views/main_window.py" line="258"/>
        <source>Tải lên</source>
        <translation>Uploads</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.py" line="127"/>
        <source>Cài đặt</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.py" line="130"/>
        <source>Tìm số, ký hiệu, trích yếu… (gõ không dấu cũng được)</source>
        <translation>Search number, symbol, summary… (diacritics optional)</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.py" line="131"/>
        <source>Mọi độ khẩn</source>
        <translation>Any urgency</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.py" line="131"/>
        <source>Khẩn trở lên</source>
        <translation>Urgent or higher</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.py" line="132"/>
        <source>Thượng khẩn trở lên</source>
        <translation>Very urgent or higher</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.py" line="132"/>
        <source>Hỏa tốc</source>
        <translation>Flash</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.py" line="133"/>
        <source>Mọi loại</source>
        <translation>All types</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.py" line="135"/>
        <source>Mọi hạn</source>
        <translation>Any deadline</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.py" line="135"/>
        <source>Quá hạn</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.py" line="136"/>
        <location filename="../../ui/views/main_window.py" line="214"/>
        <source>Ký số</source>
        <translation>Sign</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.py" line="137"/>
        <source>Đồng bộ</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.py" line="214"/>
        <source>Hãy chọn văn bản có tệp để ký.</source>
        <translation>Select documents that have a file to sign.</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.py" line="227"/>
        <source>Đang đồng bộ…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.py" line="236"/>
        <source>Đang đồng bộ… %1 thay đổi</source>
        <translation>Syncing… %1 changes</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.py" line="242"/>
        <source>Trực tuyến — đồng bộ lúc %1 — %2 văn bản trên máy</source>
        <translation>Online — synced at %1 — %2 documents on this computer</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.py" line="250"/>
        <source>Ngoại tuyến — đang dùng dữ liệu trên máy</source>
        <translation>Offline — using local data</translation>
    </message>
</context>
<context>
    <name>PdfView</name>
    <message>
        <location filename="../../ui/views/pdf_view.py" line="80"/>
        <source>Tìm trong văn bản…</source>
        <translation>Find in document…</translation>
    </message>
    <message>
        <location filename="../../ui/views/pdf_view.py" line="84"/>
        <source>Vừa chiều rộng</source>
        <translation>Fit width</translation>
    </message>
</context>
<context>
    <name>SettingsView</name>
    <message>
        <location filename="../../ui/views/settings_view.py" line="34"/>
        <source>Lưu</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="38"/>
        <source>Ngôn ngữ</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="39"/>
        <source>Dung lượng tệp lưu trên máy</source>
        <translation>Local file cache size</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings_view.py" line="40"/>
        <source>Cấu hình ký số</source>
        <translation>Signing profile</translation>
    </message>
</context>
<context>
    <name>SignDialog</name>
    <message numerus="yes">
        <location filename="../../ui/views/sign_dialog.py" line="125"/>
        <source>Ký số %n văn bản</source>
        <translation>
            <numerusform>Sign %n document(s)</numerusform>
            <numerusform>Sign %n document(s)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/views/sign_dialog.py" line="140"/>
        <source>Ký phê duyệt</source>
        <translation>Approve (leader signature)</translation>
    </message>
    <message>
        <location filename="../../ui/views/sign_dialog.py" line="140"/>
        <source>Đóng dấu phát hành</source>
        <translation>Issue (organisation seal)</translation>
    </message>
    <message>
        <location filename="../../ui/views/sign_dialog.py" line="141"/>
        <source>Ký phụ lục</source>
        <translation>Sign attachment</translation>
    </message>
    <message>
        <location filename="../../ui/views/sign_dialog.py" line="141"/>
        <source>Ký bản sao điện tử</source>
        <translation>Sign electronic copy</translation>
    </message>
    <message>
        <location filename="../../ui/views/sign_dialog.py" line="148"/>
        <source>Ký</source>
        <translation>Sign</translation>
    </message>
    <message>
        <location filename="../../ui/views/sign_dialog.py" line="151"/>
        <source>Huỷ</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/views/sign_dialog.py" line="154"/>
        <source>Thư viện token</source>
        <translation>Token library</translation>
    </message>
    <message>
        <location filename="../../ui/views/sign_dialog.py" line="155"/>
        <source>Chứng thư số</source>
        <translation>Certificate</translation>
    </message>
    <message>
        <location filename="../../ui/views/sign_dialog.py" line="156"/>
        <source>Mã PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../ui/views/sign_dialog.py" line="158"/>
        <source>Cách ký</source>
        <translation>Signing mode</translation>
    </message>
    <message>
        <location filename="../../ui/views/sign_dialog.py" line="198"/>
        <source>CẢNH BÁO: chỉ còn MỘT lần nhập PIN trước khi token bị khoá.</source>
        <translation>WARNING: ONE PIN try left before the token locks.</translation>
    </message>
    <message>
        <location filename="../../ui/views/sign_dialog.py" line="221"/>
        <source>Chưa chọn chứng thư số.</source>
        <translation>No certificate chosen.</translation>
    </message>
    <message>
        <location filename="../../ui/views/sign_dialog.py" line="252"/>
        <source> — bấm Tải lại để lấy bản mới nhất</source>
        <translation> — press Reload to get the latest version</translation>
    </message>
    <message>
        <location filename="../../ui/views/sign_dialog.py" line="255"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>UploadsView</name>
    <message>
        <location filename="../../ui/views/uploads.py" line="59"/>
        <source>Thư mục nhận bản quét</source>
        <translation>Scan folder</translation>
    </message>
    <message>
        <location filename="../../ui/views/uploads.py" line="60"/>
        <source>Chọn thư mục…</source>
        <translation>Choose folder…</translation>
    </message>
    <message>
        <location filename="../../ui/views/uploads.py" line="62"/>
        <location filename="../../ui/views/uploads.py" line="111"/>
        <source>Bắt đầu theo dõi</source>
        <translation>Start watching</translation>
    </message>
    <message>
        <location filename="../../ui/views/uploads.py" line="65"/>
        <source>Mở thư mục</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <location filename="../../ui/views/uploads.py" line="67"/>
        <source>Thử lại tệp lỗi</source>
        <translation>Retry failed files</translation>
    </message>
    <message>
        <location filename="../../ui/views/uploads.py" line="75"/>
        <source>Tệp</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../ui/views/uploads.py" line="75"/>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/views/uploads.py" line="75"/>
        <source>Tiến độ</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location filename="../../ui/views/uploads.py" line="76"/>
        <source>Lý do</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/views/uploads.py" line="87"/>
        <source>Chọn thư mục nhận bản quét</source>
        <translation>Choose the scan folder</translation>
    </message>
    <message>
        <location filename="../../ui/views/uploads.py" line="105"/>
        <source>Dừng theo dõi</source>
        <translation>Stop watching</translation>
    </message>
    <message>
        <location filename="../../ui/views/uploads.py" line="131"/>
        <source>Đã tải lên: %1 — Lỗi: %2 — Đang chờ: %3</source>
        <translation>Uploaded: %1 — Failed: %2 — Waiting: %3</translation>
    </message>
</context>
</TS>
