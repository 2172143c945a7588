; Inno Setup 6 script: a per-user installer for NLV Events (no administrator rights needed).
; Build on Windows after PyInstaller (see packaging/README.md):
;   iscc /DAppVersion=0.1.0 packaging\windows\nlv-events.iss
; The uninstaller removes the program only: the user's record, backups and settings in
; %LOCALAPPDATA%\TVQG\NLV Events stay where they are.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
; The PyInstaller one-folder bundle; `make windows` builds it elsewhere and passes /DBundleDir=.
#ifndef BundleDir
  #define BundleDir "..\..\dist\nlv-events"
#endif

[Setup]
AppId={{6F1B2C1E-6A0B-4C57-9B7E-5A2E8D0C4E11}
AppName=NLV Events
AppVersion={#AppVersion}
AppVerName=NLV Events {#AppVersion}
AppPublisher=Thư viện Quốc gia Việt Nam
; %LOCALAPPDATA%\Programs for a per-user install (the default), Program Files for all users ([Code] below).
DefaultDirName={code:InstallFolder}
DefaultGroupName=NLV Events
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
OutputDir=..\..\dist\installer
OutputBaseFilename=nlv-events-{#AppVersion}-setup
SetupIconFile=..\..\resources\icons\nlv-events.ico
UninstallDisplayIcon={app}\nlv-eventsw.exe
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; Vietnamese first, whatever the language of Windows: the office's PCs are set up by IT staff on English Windows as
; often as on Vietnamese. Setup opens in Vietnamese (its first question, per user or all users, included) and its
; language box offers English; a silent install takes /LANG=english or /LANG=vietnamese.
LanguageDetectionMethod=none
ShowLanguageDialog=yes

[Languages]
; Inno Setup has no Vietnamese of its own: languages\Vietnamese.isl is the project's translation of Default.isl.
Name: "vietnamese"; MessagesFile: "languages\Vietnamese.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\NLV Events"; Filename: "{app}\nlv-eventsw.exe"
Name: "{group}\{cm:UninstallProgram,NLV Events}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\NLV Events"; Filename: "{app}\nlv-eventsw.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\nlv-eventsw.exe"; Description: "{cm:LaunchProgram,NLV Events}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete] entry touches {localappdata}\TVQG: the record and its backups outlive the program.

[Code]
// Not {autopf}: for a per-user install it asks Windows for the UserProgramFiles known folder, which Wine lacks
// (Setup stopped with "Failed to expand shell folder constant autopf"); both folders are the same on Windows.
function InstallFolder(Param: String): String;
begin
  if IsAdminInstallMode then
    Result := ExpandConstant('{commonpf}\NLV Events')
  else
    Result := ExpandConstant('{localappdata}\Programs\NLV Events');
end;
