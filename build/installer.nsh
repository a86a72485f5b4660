; NSIS include for the Windows installer (electron-builder.yml: nsis.include).
; electron-builder compiles with -INPUTCHARSET UTF8, so the Vietnamese below is written as is.
; The installer is one-click, per user, Vietnamese only (language 1066); electron-builder's own
; pages and messages come in Vietnamese from its message catalogue. These macros add what it
; does not say: where the unit's data lives and that uninstalling keeps it.

!define CHISO_BRANDING "Chỉ số CCHC — bộ cài đặt cho xã, phường, đặc khu và đơn vị thẩm định"
!define CHISO_INSTALLED "Đã cài đặt Chỉ số CCHC cho tài khoản Windows này (không cần quyền quản trị).$\r$\nBiểu tượng đã có trên màn hình nền và trong menu Start."
!define CHISO_DATA_KEPT "Đã gỡ Chỉ số CCHC khỏi máy.$\r$\n$\r$\nDữ liệu của đơn vị (cơ sở dữ liệu, tài liệu kiểm chứng, khoá ký, bản sao lưu) vẫn được giữ nguyên trong thư mục dữ liệu của tài khoản này: cài lại ứng dụng sẽ dùng tiếp dữ liệu đó.$\r$\nMuốn chuyển sang máy khác, hãy cài lại ứng dụng và sao lưu ra USB trước khi xoá thư mục này."

!macro customHeader
  BrandingText "${CHISO_BRANDING}"
!macroend

; After the files are in place. Silent installs (automatic updates) stay silent.
!macro customInstall
  IfSilent +2
    DetailPrint "${CHISO_INSTALLED}"
!macroend

; Uninstalling never deletes the unit's data (nsis.deleteAppDataOnUninstall: false); say so,
; except when the uninstaller runs silently as part of an update.
!macro customUnInstall
  IfSilent +2
    MessageBox MB_OK|MB_ICONINFORMATION "${CHISO_DATA_KEPT}"
!macroend
