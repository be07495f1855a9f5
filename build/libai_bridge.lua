local _0={}
local _1={}
local _2=require
local function require(file,...)
if _1[file]then
return _1[file].value
end
if _0[file]then
local module=_0[file]
local value=nil
if(select("#",...)>0)then value=module(...)else value=module(file)end
_1[file]={value=value}
return value
else
if _2 then
return _2(file)
else
error("module '".. file .."' not found")
end
end
end
_0={
["lualib_bundle"]=function(...)
local function __TS__ArraySlice(self,first,last)
local len=#self
first=first or 0
if first<0 then
first=len+first
if first<0 then
first=0
end
else
if first>len then
first=len
end
end
last=last or len
if last<0 then
last=len+last
if last<0 then
last=0
end
else
if last>len then
last=len
end
end
local out={}
first=first+1
last=last+1
local n=1
while first<last do
out[n]=self[first]
first=first+1
n=n+1
end
return out
end
local __TS__Unpack=table.unpack or unpack
local function __TS__ArrayIndexOf(self,searchElement,fromIndex)
if fromIndex==nil then
fromIndex=0
end
local len=#self
if len==0 then
return-1
end
if fromIndex>=len then
return-1
end
if fromIndex<0 then
fromIndex=len+fromIndex
if fromIndex<0 then
fromIndex=0
end
end
for i=fromIndex+1,len do
if self[i]==searchElement then
return i-1
end
end
return-1
end
local function __TS__Class(self)
local c={prototype={}}
c.prototype.__index=c.prototype
c.prototype.constructor=c
return c
end
local function __TS__ArrayFindIndex(self,callbackFn,thisArg)
for i=1,#self do
if callbackFn(thisArg,self[i],i-1,self)then
return i-1
end
end
return-1
end
local function __TS__ArrayFind(self,predicate,thisArg)
for i=1,#self do
local elem=self[i]
if predicate(thisArg,elem,i-1,self)then
return elem
end
end
return nil
end
local function __TS__ObjectAssign(target,...)
local sources={...}
for i=1,#sources do
local source=sources[i]
if type(source)=="table"then
for key in pairs(source)do
target[key]=source[key]
end
end
end
return target
end
local function __TS__New(target,...)
local instance=setmetatable({},target.prototype)
instance:____constructor(...)
return instance
end
return{
__TS__ArraySlice=__TS__ArraySlice,
__TS__Unpack=__TS__Unpack,
__TS__ArrayIndexOf=__TS__ArrayIndexOf,
__TS__Class=__TS__Class,
__TS__ArrayFindIndex=__TS__ArrayFindIndex,
__TS__ArrayFind=__TS__ArrayFind,
__TS__ObjectAssign=__TS__ObjectAssign,
__TS__New=__TS__New
}
end,
["core"]=function(...)
local _3={}
_3.core={}
function _3.bindCore(given)
local into=_3.core
for k,v in pairs(given)do
into[k]=v
end
end
return _3
end,
["screen"]=function(...)
local _4=require("lualib_bundle")
local __TS__ArraySlice=_4.__TS__ArraySlice
local _3={}
local RECORDED_NOTE=("This computer's terminal is not a window (as on an advanced computer), so its screen cannot be ".."read back: these are only the lines written since opencc started serving; what was on the screen ").."before is not known."
local recorders={}
local function textRows(w,h)
local blank=string.rep(" ",w)
local rows={}
do
local y=0
while y<h do
rows[#rows+1]=blank
y=y+1
end
end
return{
rows=rows,
put=function(self,x,y,text)
if y<1 or y>h then
return
end
local start=x
local t=text
if start<1 then
t=string.sub(t,2-start)
start=1
end
if start>w then
return
end
t=string.sub(t,1,w-start+1)
local row=rows[y]
rows[y]=(string.sub(row,1,start-1).. t).. string.sub(row,start+#t)
end,
clear=function(self,y)
if y==nil then
do
local i=0
while i<h do
rows[i+1]=blank
i=i+1
end
end
elseif y>=1 and y<=h then
rows[y]=blank
end
end,
scroll=function(self,n)
do
local i=0
while i<math.abs(n)do
if n>0 then
table.remove(rows,1)
rows[#rows+1]=blank
else
table.remove(rows)
table.insert(rows,1,blank)
end
i=i+1
end
end
end
}
end
function _3.recordScreen()
local parent=term.current()
if parent.getLine~=nil then
return function()
end
end
local w,h=parent.getSize()
local text=textRows(w,h)
local rec={}
for k,v in pairs(parent)do
rec[k]=v
end
local function put(s)
local x,y=parent.getCursorPos()
text:put(x,y,s)
end
rec.write=function(s)
put(tostring(s))
parent.write(tostring(s))
end
rec.blit=function(s,fg,bg)
put(s)
parent.blit(s,fg,bg)
end
rec.clear=function()
text:clear()
parent.clear()
end
rec.clearLine=function()
local ____,y=parent.getCursorPos()
text:clear(y)
parent.clearLine()
end
rec.scroll=function(n)
text:scroll(n)
parent.scroll(n)
end
rec.getLine=function(y)return text.rows[y]end
local recorder=rec
recorders[recorder]=true
term.redirect(recorder)
return function()
recorders[recorder]=nil
if term.current()==recorder then
term.redirect(parent)
end
end
end
function _3.readScreen()
local t=term.current()
local getLine=t.getLine
if getLine==nil then
return nil
end
local recorded=recorders[t]~=nil
local w,h=t.getSize()
local x,y=t.getCursorPos()
local lines={}
local fgs={}
local bgs={}
do
local i=1
while i<=h do
local text,fg,bg=getLine(i)
local trimmed=string.gsub(text or"","%s+$","")
lines[#lines+1]=trimmed
fgs[#fgs+1]=string.sub(fg or"",1,#trimmed)
bgs[#bgs+1]=string.sub(bg or"",1,#trimmed)
i=i+1
end
end
while#lines>0 and lines[#lines]==""do
table.remove(lines)
end
local screen={
source=recorded and"recorded"or"window",
width=w,
height=h,
cursor={x=x,y=y},
lines=lines
}
if recorded then
screen.note=RECORDED_NOTE
else
screen.colours={
text=__TS__ArraySlice(fgs,0,#lines),
background=__TS__ArraySlice(bgs,0,#lines)
}
end
return screen
end
return _3
end,
["sandbox"]=function(...)
local _4=require("lualib_bundle")
local __TS__Unpack=_4.__TS__Unpack
local _3={}
local _5=require("core")
local core=_5.core
local NO_YIELD_MS=5000
local MAX_PRINTED=16000
local function now()
return os.epoch("utc")
end
local function capture(out)
local function add(s)
if#out<2000 then
out[#out+1]=s
end
end
return{
print=function(...)
local args={...}
local parts={}
do
local i=0
while i<select(
"#",
__TS__Unpack(args)
)do
parts[#parts+1]=tostring(args[i+1])
i=i+1
end
end
add(table.concat(parts,"\t").."\n")
return 1
end,
write=function(text)
add(tostring(text))
return 0
end
}
end
local function chunkEnv(out)
local env={}
local io=capture(out)
env.print=io.print
env.write=io.write
env.printError=io.print
env._G=env
setmetatable(env,{__index=_G})
return env
end
local function installGuard(co,timeoutSecs)
local guard={resumedAt=now()}
local deadline=now()+timeoutSecs*1000
debug.sethook(
co,
function()
local t=now()
if t-guard.resumedAt>NO_YIELD_MS or t>deadline then
local secs=math.floor((t-guard.resumedAt)/100)/10
guard.stopped=t>deadline and((("stopped at its time limit of ".. tostring(timeoutSecs)).." s, after running ").. tostring(secs)).." s without yielding"or("stopped after running ".. tostring(secs)).." s without yielding (CC stops a computer at 7 s: call sleep(0) in long loops)"
error(guard.stopped,0)
end
end,
"",
1000
)
return guard
end
local function nextEvent(filter,timer)
while true do
local ev=table.pack(os.pullEventRaw())
if ev[1]=="terminate"then
error(core.TERMINATED,0)
end
if ev[1]=="timer"and ev[2]==timer then
return nil
end
if filter==nil or filter==ev[1]then
return ev
end
end
end
local function drive(co,guard,timeoutSecs,printed)
local timer=os.startTimer(timeoutSecs)
local args=table.pack()
do
local _6,____hasReturned,____returnValue=pcall(function()
while true do
guard.resumedAt=now()
local r=table.pack(coroutine.resume(
co,
table.unpack(args,1,args.n)
))
if r[1]~=true then
return true,{
printed=printed(),
values={},
error=guard.stopped or tostring(r[2])
}
end
if coroutine.status(co)=="dead"then
local values={}
do
local i=1
while i<r.n do
values[#values+1]=r[i+1]==nil and core.jsonNull()or r[i+1]
i=i+1
end
end
return true,{
printed=printed(),
values=values
}
end
args=nextEvent(r[2],timer)
if args==nil then
return true,{
printed=printed(),
values={},
error=("stopped at its time limit of ".. tostring(timeoutSecs)).." s"
}
end
end
end)
do
os.cancelTimer(timer)
end
if not _6 then
error(____hasReturned,0)
end
if _6 and ____hasReturned then
return ____returnValue
end
end
end
function _3.runChunk(code,timeoutSecs)
local out={}
local function printed()
local all=table.concat(out)
return#all>MAX_PRINTED and string.sub(all,1,MAX_PRINTED).."\n(cut)"or all
end
local fn,syntax=load(
code,
"=agent",
"t",
chunkEnv(out)
)
if fn==nil then
return{
printed="",
values={},
error=tostring(syntax)
}
end
if debug==nil or debug.sethook==nil then
return{printed="",values={},error="this computer has no debug library, so a chunk could not be stopped: not run"}
end
local co=coroutine.create(fn)
return drive(
co,
installGuard(co,timeoutSecs),
timeoutSecs,
printed
)
end
return _3
end,
["tools"]=function(...)
local _4=require("lualib_bundle")
local __TS__Unpack=_4.__TS__Unpack
local __TS__ArrayIndexOf=_4.__TS__ArrayIndexOf
local _3={}
local _5=require("core")
local core=_5.core
local _7=require("sandbox")
local runChunk=_7.runChunk
local _8=require("screen")
local readScreen=_8.readScreen
local DEFAULT_LIMIT=25
local READ_ACTIONS={
detect=true,
inspect=true,
getItemDetail=true,
getItemCount=true,
getSelectedSlot=true,
getFuelLevel=true,
inventory=true
}
local DIRECTED={
dig=true,
place=true,
detect=true,
inspect=true,
drop=true,
suck=true
}
local function plain(v,depth)
local t=type(v)
if v==core.jsonNull()or t=="string"or t=="boolean"or t=="nil"then
return v
end
if t=="number"then
return(v~=v or v==math.huge or v==-math.huge)and tostring(v)or v
end
if t~="table"then
return tostring(v)
end
if depth>8 then
return"(nested too deep)"
end
local out={}
for k,item in pairs(v)do
out[k]=plain(item,depth+1)
end
return out
end
local function packed(...)
local values={...}
local out={}
local n=select("#",...)
do
local i=0
while i<n do
out[#out+1]=values[i+1]==nil and core.jsonNull()or plain(values[i+1],0)
i=i+1
end
end
return out
end
local function tierOf(call)
if call.tool=="peripherals"or call.tool=="screen"then
return"read"
end
if call.tool=="peripheral_call"then
return"act"
end
if call.tool=="lua"then
return"lua"
end
if call.tool=="turtle"then
return READ_ACTIONS[tostring(call.args.action)]and"read"or"act"
end
return nil
end
local function summaryOf(call)
local a=call.args
if call.tool=="turtle"then
local dir=(a.direction=="up"or a.direction=="down")and" ".. tostring(a.direction)or""
return("turtle: ".. tostring(a.action)).. dir
end
if call.tool=="peripheral_call"then
return(("peripheral: ".. tostring(a.peripheral))..".").. tostring(a.method)
end
if call.tool=="lua"then
local _9=string.gsub
local _a=tostring
local _b=a.code
if _b==nil then
_b=""
end
local line=_9(
_a(_b),
"%s+",
" "
)
return"lua: "..(#line>30 and string.sub(line,1,28)..".."or line)
end
return call.tool
end
local function getTypes(name)
local fn=peripheral.getType
return fn(name)
end
function _3.peripheralList()
local out={}
for ____,name in ipairs(peripheral.getNames())do
local methods=peripheral.getMethods(name)or({})
out[#out+1]={
name=name,
types={getTypes(name)},
methods=methods
}
end
return out
end
local function turtleAction(args)
local t=turtle
local action=tostring(args.action)
local slot=type(args.slot)=="number"and args.slot or nil
local count=type(args.count)=="number"and args.count or nil
if action=="inventory"then
local slots={}
do
local i=1
while i<=16 do
local detail=t.getItemDetail(i)
if detail~=nil then
slots[#slots+1]={
slot=i,
item=plain(detail,0)
}
end
i=i+1
end
end
local selected=t.getSelectedSlot()
local fuel=t.getFuelLevel()
return{selected=selected,fuel=fuel,slots=slots}
end
local name=action
if DIRECTED[action]and(args.direction=="up"or args.direction=="down")then
name=action ..(args.direction=="up"and"Up"or"Down")
end
local fn=t[name]
if fn==nil then
error(action=="craft"and"this turtle has no crafting table equipped (equip one to craft)"or("this turtle has no ".. name).." action",0)
end
local callArgs={}
if action=="select"or action=="getItemDetail"or action=="getItemCount"then
if slot~=nil then
callArgs[#callArgs+1]=slot
elseif action=="select"then
error("select needs \"slot\" (1-16)",0)
end
elseif count~=nil then
callArgs[#callArgs+1]=count
end
local values=packed(fn(__TS__Unpack(callArgs)))
if type(values[1])=="boolean"then
local r={ok=values[1]}
if type(values[2])=="string"then
r.reason=values[2]
elseif type(values[2])=="table"and values[2]~=core.jsonNull()then
r.data=values[2]
end
return r
end
return{value=values[1]}
end
local function peripheralCall(args)
local name=tostring(args.peripheral)
local method=tostring(args.method)
if not peripheral.isPresent(name)then
local names=peripheral.getNames()
error(
(("no peripheral \"".. name).."\" on this computer; attached: ")..(#names>0 and table.concat(names,", ")or"none"),
0
)
end
local _c
if type(args.args)=="table"then
_c=args.args
else
_c={}
end
local list=_c
local call=peripheral.call
return packed(call(
name,
method,
__TS__Unpack(list)
))
end
local function run(call)
if call.tool=="peripherals"then
return _3.peripheralList()
end
if call.tool=="screen"then
local s=readScreen()
if s==nil then
error("this computer's screen cannot be read back: a program has redirected it to a terminal that is not a window",0)
end
return s
end
if call.tool=="peripheral_call"then
return peripheralCall(call.args)
end
if call.tool=="turtle"then
if turtle==nil then
error("this computer is not a turtle",0)
end
return turtleAction(call.args)
end
if call.tool=="lua"then
local secs=type(call.args.timeout)=="number"and call.args.timeout or 10
local _d=runChunk
local _e=tostring
local _f=call.args.code
if _f==nil then
_f=""
end
local r=_d(
_e(_f),
secs
)
return{
printed=r.printed,
values=packed(__TS__Unpack(r.values)),
error=r.error or core.jsonNull()
}
end
error("unknown tool ".. call.tool,0)
end
local function withinLimit(call,secs)
local finished=false
local ok=false
local result
parallel.waitForAny(
function()
ok,result=pcall(run,call)
finished=true
end,
function()
sleep(secs)
end
)
if not finished then
return false,("stopped after ".. tostring(secs)).." s, its time limit on the computer"
end
return ok,result
end
function _3.serveCall(call,allowed,computerId)
local summary=summaryOf(call)
local tier=tierOf(call)
if tier==nil then
return{ok=false,error="unknown tool ".. call.tool,summary=summary}
end
if __TS__ArrayIndexOf(allowed,tier)<0 then
local wanted=(#allowed>0 and table.concat(allowed,",")..","or"").. tier
return{
ok=false,
refused=true,
summary=summary,
error=(((((((("refused by computer ".. tostring(computerId))..": its opencc.tools allows ")..(#allowed>0 and table.concat(allowed,", ")or"nothing"))..", and ").. summary).." needs \"").. tier).."\". Ask its owner to run: set opencc.tools ").. wanted
}
end
local ok,result=__TS__Unpack(call.tool=="lua"and({pcall(run,call)})or({withinLimit(call,call.limit or DEFAULT_LIMIT)}))
if ok then
return{ok=true,result=result,summary=summary}
end
if result=="Terminated"then
error(result,0)
end
return{
ok=false,
error=tostring(result),
summary=summary
}
end
return _3
end,
["live"]=function(...)
local _4=require("lualib_bundle")
local __TS__Class=_4.__TS__Class
local __TS__ArrayFindIndex=_4.__TS__ArrayFindIndex
local __TS__ArrayFind=_4.__TS__ArrayFind
local __TS__ObjectAssign=_4.__TS__ObjectAssign
local _3={}
local byId,overlay
function byId(a,b)
return a.id<b.id
end
function overlay(looked,heard)
if#heard==0 then
return looked
end
local parts={}
local seen={}
for ____,p in ipairs(looked)do
seen[p.id]=true
local h=__TS__ArrayFind(
heard,
function(____,x)return x.id==p.id end
)
local lookText=p.text or""
local longer=h~=nil and#(h.text or"")>#lookText
parts[#parts+1]=longer and string.sub(h.text,1,#lookText)==lookText and __TS__ObjectAssign({},p,{text=h.text})or p
end
for ____,h in ipairs(heard)do
if not seen[h.id]then
parts[#parts+1]=h
end
end
table.sort(parts,byId)
return parts
end
_3.GAP={type="opencc.gap",properties={}}
_3.LiveAnswer=__TS__Class()
local LiveAnswer=_3.LiveAnswer
LiveAnswer.name="LiveAnswer"
function LiveAnswer.prototype.____constructor(self,messageID)
self.messageID=messageID
self.messages={}
self.order={}
end
function LiveAnswer.prototype.apply(self,e)
local p=e.properties
if e.type=="message.updated"and p.info~=nil then
return self:message(p.info)
end
if e.type=="message.part.updated"and p.part~=nil then
return self:part(p.part)
end
if e.type=="message.part.delta"then
return self:delta(p.messageID,p.partID,p.field,p.delta)
end
if e.type=="session.status"then
local _g=p.status
return(_g and _g.type)=="idle"and"idle"or"nothing"
end
if e.type=="session.idle"or e.type=="session.error"then
return"idle"
end
if e.type==_3.GAP.type then
return"look"
end
local kind=string.match(e.type,"^(%a+)%.")
return(kind=="permission"or kind=="question")and"look"or"nothing"
end
function LiveAnswer.prototype.message(self,info)
if info.role~="assistant"or info.parentID~=self.messageID then
return"nothing"
end
local known=self.messages[info.id]
if known==nil then
self.messages[info.id]={info=info,parts={}}
local _h=self.order
_h[#_h+1]=info.id
else
known.info=info
end
return(info.time.completed~=nil or info.error~=nil)and"look"or"nothing"
end
function LiveAnswer.prototype.part(self,part)
local m=self.messages[part.messageID]
if m==nil then
return"nothing"
end
if part.type=="tool"then
return"look"
end
if part.type~="text"then
return"nothing"
end
local i=__TS__ArrayFindIndex(
m.parts,
function(____,x)return x.id==part.id end
)
if i>=0 then
m.parts[i+1]=part
else
local _i=m.parts
_i[#_i+1]=part
table.sort(m.parts,byId)
end
return part.text~=nil and part.text~=""and"text"or"nothing"
end
function LiveAnswer.prototype.delta(self,messageID,partID,field,delta)
local m=messageID~=nil and self.messages[messageID]or nil
if m==nil or field~="text"or delta==nil or delta==""then
return"nothing"
end
local part=__TS__ArrayFind(
m.parts,
function(____,x)return x.id==partID end
)
if part==nil then
return"nothing"
end
part.text=(part.text or"").. delta
return"text"
end
function LiveAnswer.prototype.merge(self,answers)
local out={}
local seen={}
for ____,m in ipairs(answers)do
seen[m.info.id]=true
local live=self.messages[m.info.id]
out[#out+1]=live~=nil and({
info=m.info,
parts=overlay(m.parts,live.parts)
})or m
end
for ____,id in ipairs(self.order)do
local live=self.messages[id]
if not seen[id]and#live.parts>0 then
out[#out+1]=live
end
end
return out
end
return _3
end,
["watch"]=function(...)
local _4=require("lualib_bundle")
local __TS__Class=_4.__TS__Class
local __TS__New=_4.__TS__New
local _3={}
local _5=require("core")
local core=_5.core
local _j=require("live")
local GAP=_j.GAP
local LiveAnswer=_j.LiveAnswer
local NEWS_EVENT="opencc_bridge_news"
local RANK={nothing=0,text=1,look=2,idle=3}
local Watch=__TS__Class()
Watch.name="Watch"
function Watch.prototype.____constructor(self,sessionID,messageID)
self.sessionID=sessionID
self.state="asked"
self.heard={}
self.answer=__TS__New(LiveAnswer,messageID)
end
function Watch.prototype.wait(self,seconds)
local deadline=os.epoch("utc")+seconds*1000
while#self.heard==0 and core.waitEvent(NEWS_EVENT,deadline)do
end
local heard="nothing"
local events=self.heard
self.heard={}
for ____,e in ipairs(events)do
local h=self.answer:apply(e)
if RANK[h]>RANK[heard]then
heard=h
end
end
return heard
end
function Watch.prototype.hear(self,e)
local _k=self.heard
_k[#_k+1]=e
os.queueEvent(NEWS_EVENT)
end
_3.Watches=__TS__Class()
local Watches=_3.Watches
Watches.name="Watches"
function Watches.prototype.____constructor(self,send)
self.send=send
self.watches={}
self.open=true
self.listen=function(sessionID,messageID,auth)
if not self.open then
return nil
end
local w=__TS__New(Watch,sessionID,messageID)
local _l=self.watches
_l[#_l+1]=w
self.send({type="watch",session=sessionID,auth=auth or""})
return{
wait=function(seconds)return w:wait(seconds)end,
live=function()return w.state=="live"end,
merge=function(answers)return w.answer:merge(answers)end,
close=function()
self:unwatch(w)
end
}
end
end
function Watches.prototype.unwatch(self,w)
local others=false
local rest={}
for ____,x in ipairs(self.watches)do
do
local __continue17
repeat
if x==w then
__continue17=true
break
end
rest[#rest+1]=x
if x.sessionID==w.sessionID then
others=true
end
__continue17=true
until true
if not __continue17 then
break
end
end
end
self.watches=rest
if not others and self.open then
self.send({type="unwatch",session=w.sessionID})
end
end
function Watches.prototype.receive(self,msg)
if msg.type~="watching"and msg.type~="event"and msg.type~="gap"then
return false
end
for ____,w in ipairs(self.watches)do
do
local __continue24
repeat
if w.sessionID~=msg.session or w.state=="off"then
__continue24=true
break
end
if msg.type=="watching"then
w.state=msg.ok==true and"live"or"off"
elseif msg.type=="gap"then
w.state="off"
w:hear(GAP)
elseif w.state=="live"and msg.event~=nil then
w:hear(msg.event)
end
__continue24=true
until true
if not __continue24 then
break
end
end
end
return true
end
function Watches.prototype.close(self)
self.open=false
for ____,w in ipairs(self.watches)do
do
local __continue31
repeat
if w.state=="off"then
__continue31=true
break
end
w.state="off"
w:hear(GAP)
__continue31=true
until true
if not __continue31 then
break
end
end
end
end
return _3
end,
["connection"]=function(...)
local _4=require("lualib_bundle")
local __TS__Class=_4.__TS__Class
local __TS__New=_4.__TS__New
local _3={}
local _5=require("core")
local core=_5.core
local _8=require("screen")
local recordScreen=_8.recordScreen
local _m=require("tools")
local peripheralList=_m.peripheralList
local serveCall=_m.serveCall
local _n=require("watch")
local Watches=_n.Watches
local WAKE_EVENT="opencc_bridge_call"
local MAX_MESSAGE=120000
local function callOf(msg)
if msg.type~="call"or type(msg.call)~="number"then
return nil
end
local _o=msg.call
local _p=tostring(msg.tool)
local _c=msg.args or({})
local _q
if type(msg.limit)=="number"then
_q=msg.limit
else
_q=nil
end
return{call=_o,tool=_p,args=_c,limit=_q}
end
_3.BridgeConnection=__TS__Class()
local BridgeConnection=_3.BridgeConnection
BridgeConnection.name="BridgeConnection"
function BridgeConnection.prototype.____constructor(self,url,allowed,ws,kind,socketUrl)
self.url=url
self.allowed=allowed
self.ws=ws
self.kind=kind
self.socketUrl=socketUrl
self.id=os.getComputerID()
self.label=os.getComputerLabel()
self.closed=false
self.restoreScreen=recordScreen()
self.watches=__TS__New(
Watches,
function(msg)
self:send(msg)
end
)
end
function BridgeConnection.prototype.note(self)
local who=(((("computer ".. tostring(self.id))..(self.label~=nil and(" \"".. self.label).."\""or"")).." (a ").. self.kind)..")"
return((("The user is typing on ComputerCraft ".. who)..". You can act on it through the opencc bridge's tools ").."(opencc_computers, opencc_turtle, opencc_peripherals, opencc_peripheral_call, opencc_screen, opencc_lua) ")..((("with \"computer\": ".. tostring(self.id))..". Its owner allows: ")..(#self.allowed>0 and table.concat(self.allowed,", ")or"nothing")).."."
end
function BridgeConnection.prototype.send(self,msg)
self:sendText(core.encodeJSON(msg))
end
function BridgeConnection.prototype.sendText(self,text)
if self.closed then
return
end
pcall(self.ws.send,text)
end
function BridgeConnection.prototype.sendResult(self,call,outcome)
local msg={
type="result",
call=call,
ok=outcome.ok,
result=outcome.result,
error=outcome.error
}
local text=core.encodeJSON(msg)
if#text<=MAX_MESSAGE then
self:sendText(text)
return
end
self:send({
type="result",
call=call,
ok=false,
error=("the result (".. tostring(#text)).." bytes) is too large for CC's websocket messages (128 KiB): ask for less at a time"
})
end
function BridgeConnection.prototype.close(self)
self.watches:close()
core.dropListener(self.watches)
self.restoreScreen()
self.closed=true
pcall(self.ws.close)
end
function BridgeConnection.prototype.read(self,queue)
while true do
local event,url,a,b=os.pullEventRaw()
if event=="terminate"then
error(core.TERMINATED,0)
end
if event=="websocket_message"and url==self.socketUrl then
local _r=core.decodeJSON(tostring(a))
if _r==nil then
_r={}
end
local msg=_r
local call=callOf(msg)
if call~=nil then
queue[#queue+1]=call
os.queueEvent(WAKE_EVENT)
else
self.watches:receive(msg)
end
elseif event=="websocket_closed"and url==self.socketUrl then
self.closed=true
if a~=nil then
return("the bridge closed the connection (".. tostring(a))..")"
end
return b==nil and"the connection to the bridge was lost"or"the bridge closed the connection"
elseif event=="peripheral"or event=="peripheral_detach"then
self:send({
type="peripherals",
peripherals=peripheralList()
})
end
end
end
function BridgeConnection.prototype.work(self,queue,onCall)
while true do
do
local __continue23
repeat
local next=table.remove(queue,1)
if next==nil then
local event=os.pullEventRaw(WAKE_EVENT)
if event=="terminate"then
error(core.TERMINATED,0)
end
__continue23=true
break
end
local outcome=serveCall(next,self.allowed,self.id)
self:sendResult(next.call,outcome)
if onCall~=nil then
onCall(outcome.summary,outcome)
end
__continue23=true
until true
if not __continue23 then
break
end
end
end
end
function BridgeConnection.prototype.serve(self,onCall)
local queue={}
local ended="the bridge closed the connection"
core.setListener(self.watches)
local ok,thrown=pcall(function()return parallel.waitForAny(
function()
ended=self:read(queue)
end,
function()
self:work(queue,onCall)
end
)end)
self:close()
if not ok then
error(thrown,0)
end
return ended
end
return _3
end,
["version"]=function(...)
local _3={}
_3.version="0.1.0"
return _3
end,
["connect"]=function(...)
local _4=require("lualib_bundle")
local __TS__ArrayIndexOf=_4.__TS__ArrayIndexOf
local __TS__New=_4.__TS__New
local _3={}
local _s=require("connection")
local BridgeConnection=_s.BridgeConnection
local _5=require("core")
local core=_5.core
local _t=require("version")
local version=_t.version
local _m=require("tools")
local peripheralList=_m.peripheralList
local WELCOME_TIMEOUT=10
local CONNECT_TIMEOUT=5
function _3.computerKind()
if turtle~=nil then
return"turtle"
end
if _G.pocket~=nil then
return"pocket"
end
return"computer"
end
local function parseTools(tools)
local out={}
for word in string.gmatch(tools,"[^,%s]+")do
if(word=="read"or word=="act"or word=="lua")and __TS__ArrayIndexOf(out,word)<0 then
out[#out+1]=word
end
end
return out
end
local function ownUrl(url)
if(string.find(url,"^wss?://"))==nil then
return url
end
local nonce=tostring(os.epoch("utc")).. tostring(math.random(1000,9999))
return((url ..((string.find(url,"?",1,true))~=nil and"&"or"?")).."opencc=").. nonce
end
local function welcomed(conn,url,socketUrl,timer)
local event,eventUrl,a=os.pullEventRaw()
if event=="terminate"then
conn:close()
error(core.TERMINATED,0)
end
if event=="timer"and eventUrl==timer then
conn:close()
core.fail(
"timeout",
((("The bridge at ".. url).." did not welcome this computer within ").. tostring(WELCOME_TIMEOUT)).." s: is it opencc-bridge?"
)
end
if event=="websocket_message"and eventUrl==socketUrl then
local msg=core.decodeJSON(tostring(a))
if(msg and msg.type)=="welcome"then
return true
end
if(msg and msg.type)=="refused"then
conn:close()
core.fail(
"auth",
"The bridge refused this computer: ".. tostring(msg.reason)
)
end
end
if event=="websocket_closed"and eventUrl==socketUrl then
conn:close()
core.fail("unreachable",("The bridge at ".. url).." closed the connection before welcoming this computer.")
end
return false
end
function _3.connectBridge(opts)
if opts==nil then
opts={}
end
local cfg=core.readConfig()
local url=opts.url or cfg.bridgeUrl
if url==""then
core.fail("bad_setting","opencc.bridge_url is not set: set opencc.bridge_url ws://host:4097/cc (the opencc-bridge's address)")
end
local allowed=parseTools(opts.tools or cfg.tools)
local socketUrl=ownUrl(url)
local ws=core.openWebsocket(socketUrl,CONNECT_TIMEOUT)
local conn=__TS__New(
BridgeConnection,
url,
allowed,
ws,
_3.computerKind(),
socketUrl
)
ws.send(core.encodeJSON({
type="hello",
token=opts.token or cfg.bridgeToken,
id=conn.id,
label=conn.label,
kind=conn.kind,
colour=term.isColour(),
tools=allowed,
peripherals=peripheralList(),
version=version
}))
local timer=os.startTimer(WELCOME_TIMEOUT)
local ok,thrown=pcall(function()
local done=false
while not done do
done=welcomed(conn,url,socketUrl,timer)
end
end)
os.cancelTimer(timer)
if not ok then
error(thrown,0)
end
return conn
end
return _3
end,
["reconnect"]=function(...)
local _3={}
local serveLoop,PERMANENT
local _u=require("connect")
local connectBridge=_u.connectBridge
local _5=require("core")
local core=_5.core
local _8=require("screen")
local recordScreen=_8.recordScreen
function serveLoop(opts)
local delay=1
while true do
local ok,result=pcall(function()return connectBridge(opts)end)
local problem
if ok then
local conn=result
delay=1
if opts.onStatus~=nil then
opts.onStatus(((((("Serving the bridge at ".. conn.url).." as computer ").. tostring(conn.id)).."; allows ")..(#conn.allowed>0 and table.concat(conn.allowed,", ")or"nothing"))..". Ctrl+T stops.")
end
problem=conn:serve(opts.onCall)
else
if result==core.TERMINATED then
error(core.TERMINATED,0)
end
local err=result
if type(result)~="table"or PERMANENT[tostring(err.kind)]or opts.reconnect==false then
return result
end
problem=tostring(err.message)
end
if opts.reconnect==false then
return core.aiError("unreachable",problem)
end
if opts.onStatus~=nil then
opts.onStatus(((problem ..": trying again in ").. tostring(delay)).." s")
end
sleep(delay)
delay=math.min(delay*2,30)
end
end
PERMANENT={
auth=true,
bad_setting=true,
bad_url=true,
http_disabled=true,
blocked=true
}
function _3.serveBridge(opts)
if opts==nil then
opts={}
end
local restoreScreen=recordScreen()
local ok,result=pcall(function()return serveLoop(opts)end)
restoreScreen()
if not ok then
error(result,0)
end
return result
end
return _3
end,
["index"]=function(...)
local _3={}
local _5=require("core")
local bindCore=_5.bindCore
local _u=require("connect")
local connectBridge=_u.connectBridge
local _v=require("reconnect")
local serveBridge=_v.serveBridge
do
local _t=require("version")
_3.version=_t.version
end
function _3.attach(given)
bindCore(given)
return{connectBridge=connectBridge,serveBridge=serveBridge}
end
return _3
end,
}
local _w=...
if type(_w)=="table"then return require end
return require("index",...)
