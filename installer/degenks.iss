; Inno Setup script for De Genks Desktop (Windows). Build steps: installer/README.md.
#define AppName "De Genks Desktop"
#define AppVersion "0.1"
#define AppPublisher "Stad Genk"

[Setup]
AppId={{6E3F7F2A-6D5B-4C8E-9A52-201303040001}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher={#AppPublisher}
DefaultDirName={autopf}\DeGenksDesktop
DefaultGroupName={#AppName}
OutputDir=..\dist
OutputBaseFilename=DeGenksDesktop-setup
Compression=lzma2
SolidCompression=yes
ArchitecturesInstallIn64BitMode=x64compatible
PrivilegesRequiredOverridesAllowed=dialog
WizardStyle=modern

[Languages]
Name: "dutch"; MessagesFile: "compiler:Languages\Dutch.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
Source: "..\dist\degenks\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\degenks.exe"; Parameters: "gui"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\degenks.exe"; Parameters: "gui"; Tasks: desktopicon

[Run]
Filename: "{app}\degenks.exe"; Parameters: "gui"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
