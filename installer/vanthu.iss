; Inno Setup 6 script for Văn thư số (Windows 10/11, 64-bit).
;
; Build the one-folder app first (python -m PyInstaller installer\vanthu.spec), then:
;   iscc /DAppVersion=0.1.0 installer\vanthu.iss
; Output: dist\VanThuSo-<version>-setup.exe. See docs/installer.md (signing, checks).
;
; - Per-user install without administrator rights by default (%LOCALAPPDATA%\Programs);
;   "Install for all users" is offered by the override dialog and then asks for elevation.
; - Upgrade in place: the AppId below never changes, so a newer setup replaces the old files.
; - Uninstall keeps the user's data (cache, queue, settings, logs) unless asked.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "Văn thư số"
#define AppExe "VanThuSo.exe"

[Setup]
; Never change this GUID: it is how Windows recognises an upgrade of the same app.
AppId={{6B0C2E7A-3F51-4B7E-9D0C-5A1E2F3C4D5B}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Văn thư số
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\VanThuSo
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\dist
OutputBaseFilename=VanThuSo-{#AppVersion}-setup
SetupIconFile=..\resources\icons\app.ico
UninstallDisplayIcon={app}\{#AppExe}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes
RestartApplications=no

[Languages]
Name: "vi"; MessagesFile: "compiler:Languages\Vietnamese.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
vi.DesktopIcon=Tạo biểu tượng trên màn hình
en.DesktopIcon=Create a desktop shortcut
vi.RemoveData=Xoá cả dữ liệu của tôi (bộ nhớ đệm, hàng đợi tải lên, cài đặt, nhật ký)?%n%nChọn "Không" để giữ lại khi cài lại hoặc nâng cấp.
en.RemoveData=Also delete my data (cache, upload queue, settings, logs)?%n%nChoose "No" to keep it for a reinstall or an upgrade.
vi.SelfTest=Tự kiểm tra bản cài đặt
en.SelfTest=Check this installation

[Tasks]
Name: "desktopicon"; Description: "{cm:DesktopIcon}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the whole runtime: stale libraries from an older version must not linger.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "..\dist\VanThuSo\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon
Name: "{autoprograms}\{#AppName} — {cm:SelfTest}"; Filename: "{cmd}"; \
  Parameters: "/k ""{app}\vanthu.exe"" self-test"; WorkingDir: "{app}"

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; \
  Flags: nowait postinstall skipifsilent

[Code]
{ User data lives where platformdirs puts it on Windows: %LOCALAPPDATA%\VanThuSo\VanThuSo holds
  settings, the local cache, the upload queue, Cache\ and Logs\. The saved sign-in token is in
  Windows Credential Manager and is removed by "Đăng xuất" in the app, not here. }
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  DataDir: String;
begin
  if CurUninstallStep = usPostUninstall then
  begin
    DataDir := ExpandConstant('{localappdata}\VanThuSo');
    if DirExists(DataDir) and not UninstallSilent() then
      if MsgBox(CustomMessage('RemoveData'), mbConfirmation, MB_YESNO or MB_DEFBUTTON2) = IDYES then
        DelTree(DataDir, True, True, True);
  end;
end;
