@echo off
rem scp-image: runs the SCP image CLI from this distribution's lib\ directory.
rem Java 17 or newer: %JAVA_HOME%\bin\java.exe when JAVA_HOME is set, else java on the PATH.
setlocal
set "APP_HOME=%~dp0.."
if defined JAVA_HOME (
  set "JAVACMD=%JAVA_HOME%\bin\java.exe"
) else (
  set "JAVACMD=java"
)
"%JAVACMD%" %JAVA_OPTS% -cp "%APP_HOME%\lib\*" io.github.scptoolkit.image.cli.ScpImageCli %*
exit /b %ERRORLEVEL%
