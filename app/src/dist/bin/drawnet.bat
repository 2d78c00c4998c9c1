@echo off
rem Drawnet: draw a region, watch a neural network learn it. Needs only a Java 17+ runtime.
rem   bin\drawnet run        the notebook's experiment on the built-in drawing
rem   bin\drawnet studio     the drawing page in the browser
rem --engine spark (grade, sweep) is for bin/drawnet (Linux, macOS, WSL): Spark on Windows needs Hadoop's winutils.
setlocal
set "DRAWNET_HOME=%~dp0.."
set "JAVA_BIN=java"
if defined JAVA_HOME set "JAVA_BIN=%JAVA_HOME%\bin\java"
if defined JAVA set "JAVA_BIN=%JAVA%"
if not defined TORCH_CPP_LOG_LEVEL set "TORCH_CPP_LOG_LEVEL=ERROR"
"%JAVA_BIN%" -Xmx1g -XX:+UseParallelGC -Djava.awt.headless=true %DRAWNET_JAVA_OPTS% -cp "%DRAWNET_HOME%\lib\*" io.github.drawnet.app.Main %*
exit /b %ERRORLEVEL%
